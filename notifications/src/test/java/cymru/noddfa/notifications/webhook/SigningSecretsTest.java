package cymru.noddfa.notifications.webhook;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningSecretsTest {

	private final UUID subscription = UUID.randomUUID();

	private final String secret = WebhookSignature.newSecret();

	@Test
	void a_sealed_secret_is_not_the_secret_and_opens_to_it_for_its_own_subscription_only() throws Exception {
		SigningSecrets secrets = SigningSecrets.fromKeyset(json(ring()));
		SigningSecrets.Sealed sealed = secrets.seal(this.secret, this.subscription);
		assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain(this.secret);
		assertThat(sealed.keyId()).isEqualTo(secrets.primaryKeyId());
		assertThat(secrets.open(sealed.ciphertext(), this.subscription)).isEqualTo(this.secret);
		// the same secret sealed twice differs (a fresh data key each time)
		assertThat(secrets.seal(this.secret, this.subscription).ciphertext()).isNotEqualTo(sealed.ciphertext());
		assertThatThrownBy(() -> secrets.open(sealed.ciphertext(), UUID.randomUUID()))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void after_rotation_new_secrets_use_the_new_key_and_old_ones_still_open_until_their_key_leaves_the_ring()
			throws Exception {
		KeysetHandle before = ring();
		SigningSecrets old = SigningSecrets.fromKeyset(json(before));
		SigningSecrets.Sealed sealedBefore = old.seal(this.secret, this.subscription);

		KeysetHandle after = KeysetHandle.newBuilder(before)
			.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
				.withRandomId()
				.makePrimary())
			.build();
		SigningSecrets rotated = SigningSecrets.fromKeyset(json(after));
		assertThat(rotated.primaryKeyId()).isNotEqualTo(old.primaryKeyId());
		assertThat(rotated.open(sealedBefore.ciphertext(), this.subscription)).isEqualTo(this.secret);
		SigningSecrets.Sealed resealed = rotated.seal(this.secret, this.subscription);
		assertThat(resealed.keyId()).isEqualTo(rotated.primaryKeyId());

		KeysetHandle newKeyOnly = KeysetHandle.newBuilder()
			.addEntry(KeysetHandle.importKey(after.getPrimary().getKey())
				.withFixedId(after.getPrimary().getId())
				.makePrimary())
			.build();
		SigningSecrets retired = SigningSecrets.fromKeyset(json(newKeyOnly));
		assertThat(retired.open(resealed.ciphertext(), this.subscription)).isEqualTo(this.secret);
		assertThatThrownBy(() -> retired.open(sealedBefore.ciphertext(), this.subscription))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void without_a_key_ring_the_service_refuses_to_start() {
		assertThatThrownBy(() -> SigningSecrets.fromKeyset(null)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining(SigningSecrets.PROPERTY);
		assertThatThrownBy(() -> SigningSecrets.fromKeyset("{}")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining(SigningSecrets.PROPERTY);
	}

	private static KeysetHandle ring() throws Exception {
		AeadConfig.register();
		return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
	}

	private static String json(KeysetHandle ring) throws Exception {
		return TinkJsonProtoKeysetFormat.serializeKeyset(ring, InsecureSecretKeyAccess.get());
	}

}
