package cymru.noddfa.notifications.subscription;

import java.util.List;
import java.util.UUID;

import cymru.noddfa.notifications.webhook.SigningSecrets;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At start-up, seals every signing secret that is not sealed under the ring's primary
 * key: plaintext ones from before secrets were sealed (the plaintext is then cleared),
 * and those sealed under a key that has since been rotated out of primary. Each row is
 * written only if it is still as read, so instances starting together do no harm. A
 * secret that cannot be opened (its key has left the ring) is logged and left for an
 * operator: its deliveries fail until the key is put back.
 */
@Component
@RequiredArgsConstructor
@Slf4j
class SecretSealingJob implements ApplicationRunner {

	private final JdbcClient jdbc;

	private final SigningSecrets secrets;

	@Override
	public void run(ApplicationArguments args) {
		int sealed = sealAll();
		if (sealed > 0) {
			log.info("Sealed {} webhook signing secrets under key {}", sealed, this.secrets.primaryKeyId());
		}
	}

	/** Returns how many secrets it sealed. */
	int sealAll() {
		int sealed = 0;
		// PostgreSQL orders uuids by their unsigned bytes, so the all-zero uuid comes
		// first;
		// Java's signed "smallest" uuid would skip every id below 80000000-….
		UUID after = new UUID(0L, 0L);
		List<Row> batch;
		do {
			batch = this.jdbc.sql("""
					select id, secret, secret_sealed from subscriptions
					where (secret is not null or secret_key_id is distinct from :primary) and id > :after
					order by id limit 100
					""").param("primary", this.secrets.primaryKeyId()).param("after", after).query(Row.class).list();
			for (Row row : batch) {
				after = row.id();
				if (seal(row)) {
					sealed++;
				}
			}
		}
		while (!batch.isEmpty());
		return sealed;
	}

	private boolean seal(Row row) {
		String secret;
		try {
			secret = (row.secret() != null) ? row.secret() : this.secrets.open(row.secretSealed(), row.id());
		}
		catch (IllegalStateException ex) {
			log.error("Signing secret of subscription {} cannot be opened with the configured key ring; its webhook "
					+ "deliveries fail until the key it was sealed under is back in the ring", row.id());
			return false;
		}
		SigningSecrets.Sealed sealed = this.secrets.seal(secret, row.id());
		return this.jdbc.sql("""
				update subscriptions set secret = null, secret_sealed = :sealed, secret_key_id = :keyId
				where id = :id and secret is not distinct from :secret
				  and secret_sealed is not distinct from :previous
				""")
			.param("sealed", sealed.ciphertext())
			.param("keyId", sealed.keyId())
			.param("id", row.id())
			.param("secret", row.secret())
			.param("previous", row.secretSealed())
			.update() == 1;
	}

	record Row(UUID id, String secret, byte[] secretSealed) {

	}

}
