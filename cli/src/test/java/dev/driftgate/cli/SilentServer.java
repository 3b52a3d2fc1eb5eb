package dev.driftgate.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real TCP listener on loopback that accepts connections and never says a word, like a database
 * behind a firewall that swallows packets: what connect timeouts and time budgets are tested with.
 */
final class SilentServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    SilentServer() throws IOException {
        socket = new ServerSocket(0);
        Thread acceptor = new Thread(() -> {
            try {
                while (!socket.isClosed()) {
                    accepted.add(socket.accept());
                }
            } catch (IOException ignored) {
                // closed by close()
            }
        }, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** How many connections it has accepted so far. */
    int accepted() {
        return accepted.size();
    }

    int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : accepted) {
            s.close();
        }
    }
}
