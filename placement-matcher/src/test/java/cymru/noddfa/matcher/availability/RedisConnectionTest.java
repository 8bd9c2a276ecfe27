package cymru.noddfa.matcher.availability;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;

import cymru.noddfa.infra.FreePort;
import cymru.noddfa.infra.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Issue 16, infrastructure: the read model's Redis connection signs in with a password
 * and speaks TLS, from configuration alone, against real redis-servers that demand them.
 */
class RedisConnectionTest {

	private static final String PASSWORD = "correct-horse-battery";

	@TempDir
	static Path dir;

	static RedisServer withPassword;

	static RedisServer withTls;

	static Path certificate;

	@BeforeAll
	static void start() throws Exception {
		withPassword = new RedisServer(dir.resolve("password"), FreePort.pick()).requirePassword(PASSWORD).start();
		certificate = dir.resolve("redis.crt");
		Path key = dir.resolve("redis.key");
		selfSignedFor("localhost", certificate, key);
		withTls = new RedisServer(dir.resolve("tls"), FreePort.pick()).requirePassword(PASSWORD)
			.tls(certificate, key)
			.start();
	}

	@AfterAll
	static void stop() {
		withPassword.stop();
		withTls.stop();
	}

	private final ApplicationContextRunner matcher = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
		.withUserConfiguration(RedisConnectionConfiguration.class);

	@Test
	void a_redis_that_asks_for_a_password_is_reached_with_the_configured_one() {
		this.matcher.withPropertyValues(at(withPassword, "127.0.0.1"))
			.withPropertyValues("spring.data.redis.password=" + PASSWORD)
			.run((context) -> assertThat(context.getBean(UnifiedJedis.class).ping()).isEqualTo("PONG"));
	}

	@Test
	void a_redis_that_asks_for_a_password_refuses_the_matcher_without_it_or_with_another() {
		this.matcher.withPropertyValues(at(withPassword, "127.0.0.1")).run((context) -> {
			UnifiedJedis jedis = context.getBean(UnifiedJedis.class);
			assertThatExceptionOfType(JedisException.class).isThrownBy(() -> jedis.set("k", "v"))
				.withMessageContaining("NOAUTH");
		});
		this.matcher.withPropertyValues(at(withPassword, "127.0.0.1"))
			.withPropertyValues("spring.data.redis.password=wrong")
			.run((context) -> assertThatExceptionOfType(JedisException.class)
				.isThrownBy(() -> context.getBean(UnifiedJedis.class).ping()));
	}

	@Test
	void a_redis_that_speaks_only_tls_is_reached_trusting_the_configured_bundle() {
		this.matcher.withPropertyValues(at(withTls, "localhost"))
			.withPropertyValues("spring.data.redis.password=" + PASSWORD, "spring.data.redis.ssl.bundle=redis",
					"spring.ssl.bundle.pem.redis.truststore.certificate=" + certificate.toUri())
			.run((context) -> assertThat(context.getBean(UnifiedJedis.class).ping()).isEqualTo("PONG"));
	}

	@Test
	void tls_is_refused_without_trust_in_the_servers_certificate_or_for_another_host_name() {
		// the JVM's authorities never signed this certificate
		this.matcher.withPropertyValues(at(withTls, "localhost"))
			.withPropertyValues("spring.data.redis.password=" + PASSWORD, "spring.data.redis.ssl.enabled=true")
			.run((context) -> assertThatExceptionOfType(JedisException.class)
				.isThrownBy(() -> context.getBean(UnifiedJedis.class).ping()));
		// trusted, but it names localhost and we asked for 127.0.0.1
		this.matcher.withPropertyValues(at(withTls, "127.0.0.1"))
			.withPropertyValues("spring.data.redis.password=" + PASSWORD, "spring.data.redis.ssl.bundle=redis",
					"spring.ssl.bundle.pem.redis.truststore.certificate=" + certificate.toUri())
			.run((context) -> assertThatExceptionOfType(JedisException.class)
				.isThrownBy(() -> context.getBean(UnifiedJedis.class).ping()));
		// plain text to a TLS port
		this.matcher.withPropertyValues(at(withTls, "localhost"))
			.withPropertyValues("spring.data.redis.password=" + PASSWORD)
			.run((context) -> assertThatExceptionOfType(JedisException.class)
				.isThrownBy(() -> context.getBean(UnifiedJedis.class).ping()));
	}

	@Test
	void the_password_never_shows_in_the_settings_as_text() {
		this.matcher.withPropertyValues(at(withPassword, "127.0.0.1"))
			.withPropertyValues("spring.data.redis.password=" + PASSWORD)
			.run((context) -> assertThat(context.getBean(RedisConnectionProperties.class).toString())
				.doesNotContain(PASSWORD));
	}

	private static String[] at(RedisServer server, String host) {
		return new String[] { "spring.data.redis.host=" + host, "spring.data.redis.port=" + server.port(),
				"spring.data.redis.timeout=2s" };
	}

	/**
	 * A self-signed certificate naming only {@code host}, made by the JDK's keytool and
	 * written as the PEM files redis-server reads.
	 */
	private static void selfSignedFor(String host, Path certificate, Path key) throws Exception {
		Path store = dir.resolve("redis.p12");
		String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
		Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "redis", "-keyalg", "RSA", "-keysize",
				"2048", "-validity", "2", "-dname", "CN=" + host, "-ext", "SAN=dns:" + host, "-keystore",
				store.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(output).isZero();
		KeyStore keys = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(store)) {
			keys.load(in, "changeit".toCharArray());
		}
		Certificate cert = keys.getCertificate("redis");
		Key privateKey = keys.getKey("redis", "changeit".toCharArray());
		Files.writeString(certificate, pem("CERTIFICATE", cert.getEncoded()));
		Files.writeString(key, pem("PRIVATE KEY", privateKey.getEncoded()));
	}

	private static String pem(String type, byte[] der) throws IOException {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return String.join("\n", List.of("-----BEGIN " + type + "-----", body, "-----END " + type + "-----", ""));
	}

}
