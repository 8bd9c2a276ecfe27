package cymru.noddfa.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server on 127.0.0.1 that accepts every connection and never says a word: the peer
 * that hangs a client without timeouts for good (an SMTP server that sends no greeting, a
 * webhook receiver that never answers).
 */
public final class HungPeer implements AutoCloseable {

	private final ServerSocket server;

	private final List<Socket> accepted = new CopyOnWriteArrayList<>();

	private HungPeer(ServerSocket server) {
		this.server = server;
		Thread.ofVirtual().name("hung-peer").start(this::accept);
	}

	public static HungPeer start() {
		try {
			return new HungPeer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				this.accepted.add(this.server.accept());
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	public int port() {
		return this.server.getLocalPort();
	}

	/** How many connections it has taken (and left hanging). */
	public int connections() {
		return this.accepted.size();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (Socket socket : this.accepted) {
			socket.close();
		}
	}

}
