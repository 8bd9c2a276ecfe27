package cymru.noddfa.notifications.delivery;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Email over SMTP. */
@Component
class EmailSender {

	private final JavaMailSender mail;

	private final EmailProperties properties;

	EmailSender(ObjectProvider<JavaMailSender> mail, EmailProperties properties) {
		this.mail = mail.getIfAvailable();
		this.properties = properties;
	}

	Sent send(String to, Notification notification) {
		if (this.mail == null) {
			return Sent.refused("no SMTP server configured (spring.mail.host)");
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.properties.from());
		message.setTo(to);
		message.setSubject(subject(notification));
		message.setText(notification.plainText());
		try {
			this.mail.send(message);
			return Sent.delivered(null);
		}
		catch (MailException ex) {
			return Sent.failed(null, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	static String subject(Notification notification) {
		return "Noddfa: " + notification.text().en();
	}

}
