package cymru.noddfa.registry.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import cymru.noddfa.registry.RegistryProperties;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a write safe to retry. The key's row is inserted in the write's own transaction:
 * a concurrent request with the same key waits on that row's unique index until the first
 * commits, then finds the stored answer and returns it. If the first write fails, its row
 * goes with it and the next attempt runs for real.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
@Slf4j
public class IdempotencyStore {

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final RegistryProperties properties;

	/**
	 * Runs the write once per caller and key.
	 * @param caller who sends the key (the token's subject); keys of different callers
	 * never meet
	 * @param key the client's {@code Idempotency-Key}, or null to just run the write
	 * @param request what identifies the request (method, path, preconditions, body),
	 * asked for only when there is a key
	 */
	public StoredResponse once(String caller, String key, Supplier<String> request, Supplier<StoredResponse> write) {
		if (key == null) {
			return write.get();
		}
		if (!SANE.matcher(key).matches()) {
			throw new InvalidIdempotencyKey();
		}
		String hash = sha256(request.get());
		return this.transactions.execute((tx) -> {
			int claimed = this.jdbc.sql("""
					insert into idempotency_key (caller, idempotency_key, request_hash, created_at)
					values (?, ?, ?, now())
					on conflict (caller, idempotency_key) do nothing
					""").params(caller, key, hash).update();
			if (claimed == 0) {
				return replay(caller, key, hash);
			}
			StoredResponse response = write.get();
			this.jdbc.sql("""
					update idempotency_key set status = ?, etag = ?, location = ?, body = ?
					where caller = ? and idempotency_key = ?
					""")
				.params(response.status(), response.etag(), response.location(), response.body(), caller, key)
				.update();
			return response;
		});
	}

	private StoredResponse replay(String caller, String key, String hash) {
		Stored stored = this.jdbc.sql("""
				select request_hash, status, etag, location, body from idempotency_key
				where caller = ? and idempotency_key = ?
				""").params(caller, key).query(Stored.class).single();
		if (!stored.requestHash().equals(hash)) {
			throw new IdempotencyKeyReused();
		}
		return new StoredResponse(stored.status(), stored.etag(), stored.location(), stored.body());
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	void forgetOldKeys() {
		int removed = this.jdbc.sql("delete from idempotency_key where created_at < ?")
			.param(Timestamp.from(Instant.now().minus(this.properties.idempotencyKeyRetention())))
			.update();
		if (removed > 0) {
			log.info("Forgot {} idempotency keys older than {}", removed, this.properties.idempotencyKeyRetention());
		}
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Stored(String requestHash, Integer status, String etag, String location, String body) {
	}

}
