package org.smtpunit;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * An {@link SSLSocketFactory} that configures every socket it makes before the handshake, so a
 * library that makes its own TLS sockets (Angus Mail for IMAP and POP3) gets the client's host name
 * verification, SNI and minimum protocol, not just its trust store.
 */
final class ConfiguringSocketFactory extends SSLSocketFactory {

  private final SSLSocketFactory delegate;
  private final Consumer<SSLSocket> configure;

  ConfiguringSocketFactory(SSLSocketFactory delegate, Consumer<SSLSocket> configure) {
    this.delegate = delegate;
    this.configure = configure;
  }

  private Socket configured(Socket socket) {
    if (socket instanceof SSLSocket ssl) {
      configure.accept(ssl);
    }
    return socket;
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }

  @Override
  public Socket createSocket() throws IOException {
    return configured(delegate.createSocket());
  }

  @Override
  public Socket createSocket(Socket socket, String host, int port, boolean autoClose)
      throws IOException {
    return configured(delegate.createSocket(socket, host, port, autoClose));
  }

  @Override
  public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose)
      throws IOException {
    return configured(delegate.createSocket(socket, consumed, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return configured(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return configured(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return configured(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return configured(delegate.createSocket(address, port, localAddress, localPort));
  }
}
