package org.smtpunit.junit;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.util.List;
import org.testcontainers.containers.ContainerState;
import org.testcontainers.lifecycle.Startable;

/**
 * A Testcontainers container without Docker: what the adapter sees of a real one (host, mapped
 * port, running state, start), pointing at a loopback test server.
 */
final class FakeContainer implements ContainerState, Startable {

  private final int mappedPort;
  boolean started;
  int askedPort;

  FakeContainer(int mappedPort) {
    this.mappedPort = mappedPort;
  }

  @Override
  public String getHost() {
    return "127.0.0.1";
  }

  @Override
  public Integer getMappedPort(int originalPort) {
    askedPort = originalPort;
    return mappedPort;
  }

  @Override
  public boolean isRunning() {
    return started;
  }

  @Override
  public List<Integer> getExposedPorts() {
    return List.of(25);
  }

  @Override
  public InspectContainerResponse getContainerInfo() {
    return null;
  }

  @Override
  public void start() {
    started = true;
  }

  @Override
  public void stop() {
    started = false;
  }
}
