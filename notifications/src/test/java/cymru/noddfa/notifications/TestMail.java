package cymru.noddfa.notifications;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import cymru.noddfa.infra.FreePort;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** A real SMTP server (GreenMail) on 127.0.0.1, one per test JVM. */
public final class TestMail {

	private static GreenMail server;

	private TestMail() {
	}

	public static synchronized GreenMail server() {
		if (server == null) {
			server = new GreenMail(new ServerSetup(FreePort.pick(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "greenmail-stop"));
		}
		return server;
	}

	public static int port() {
		return server().getSmtp().getPort();
	}

	/** The messages received for one address, as (subject, body) pairs. */
	public static List<Mail> to(String address) {
		return Arrays.stream(server().getReceivedMessages()).filter((m) -> addressedTo(m, address)).map((m) -> {
			try {
				return new Mail(m.getSubject(), GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=3D", "="));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static boolean addressedTo(MimeMessage message, String address) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch((a) -> a.toString().equalsIgnoreCase(address));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public record Mail(String subject, String body) {

	}

}
