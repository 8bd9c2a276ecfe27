package cymru.noddfa.notifications.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.KmsEnvelopeAead;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * Seals webhook signing secrets at rest by envelope encryption (Google Tink): each secret
 * is encrypted with a fresh AES-256-GCM data key, and that key is encrypted with the
 * primary key of a key ring from configuration (a Tink keyset). The subscription's id is
 * bound in as associated data, so a sealed secret copied onto another row does not open.
 * <p>
 * Rotation: add a new key to the ring and make it primary. New secrets are sealed under
 * it; secrets sealed under older keys still open (each names its key), and
 * {@code SecretSealingJob} re-seals them under the primary at start-up, after which the
 * old key can leave the ring.
 */
public final class SigningSecrets {

	/** The property that carries the key ring. */
	public static final String PROPERTY = "noddfa.notifications.secrets.keyset";

	private final int primaryKeyId;

	private final Aead envelope;

	private SigningSecrets(KeysetHandle ring) throws GeneralSecurityException {
		this.primaryKeyId = ring.getPrimary().getId();
		Aead keyEncryption = ring.getPrimitive(RegistryConfiguration.get(), Aead.class);
		this.envelope = KmsEnvelopeAead.create(PredefinedAeadParameters.AES256_GCM, keyEncryption);
	}

	/**
	 * @param keyset the key ring as Tink's JSON keyset ({@code tinkey create-keyset
	 * --key-template AES256_GCM}, {@code tinkey rotate-keyset})
	 * @throws IllegalStateException when there is none or it cannot be read: the service
	 * does not run with secrets it cannot seal
	 */
	public static SigningSecrets fromKeyset(String keyset) {
		if (keyset == null || keyset.isBlank()) {
			throw new IllegalStateException(PROPERTY + " is required: the key ring that seals webhook signing "
					+ "secrets at rest (only the local profile has a development one)");
		}
		try {
			AeadConfig.register();
			return new SigningSecrets(TinkJsonProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get()));
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			throw new IllegalStateException(PROPERTY + " is not a readable AEAD keyset: " + ex.getMessage(), ex);
		}
	}

	/** The key new secrets are sealed under. */
	public int primaryKeyId() {
		return this.primaryKeyId;
	}

	public Sealed seal(String secret, UUID subscriptionId) {
		try {
			return new Sealed(this.envelope.encrypt(secret.getBytes(StandardCharsets.UTF_8), context(subscriptionId)),
					this.primaryKeyId);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("could not seal the signing secret of subscription " + subscriptionId, ex);
		}
	}

	/**
	 * @throws IllegalStateException when the key it was sealed under has left the ring,
	 * or it was not sealed for this subscription
	 */
	public String open(byte[] sealed, UUID subscriptionId) {
		try {
			return new String(this.envelope.decrypt(sealed, context(subscriptionId)), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("could not open the signing secret of subscription " + subscriptionId
					+ " (sealed under a key no longer in the ring?)", ex);
		}
	}

	private static byte[] context(UUID subscriptionId) {
		return ("subscription:" + subscriptionId).getBytes(StandardCharsets.UTF_8);
	}

	/** A sealed secret and the id of the ring key its data key is sealed under. */
	public record Sealed(byte[] ciphertext, int keyId) {

	}

}
