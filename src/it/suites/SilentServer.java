import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A server that accepts connections and never says a word, for the runner's --timeout scenario.
 * Usage: java SilentServer.java HOST PORT (stop it with kill).
 */
public class SilentServer {
  public static void main(String[] args) throws Exception {
    List<Socket> held = new ArrayList<>();
    try (ServerSocket server =
        new ServerSocket(Integer.parseInt(args[1]), 50, InetAddress.getByName(args[0]))) {
      System.out.println("silent server listening on " + args[0] + ":" + args[1]);
      while (true) {
        held.add(server.accept());
      }
    }
  }
}
