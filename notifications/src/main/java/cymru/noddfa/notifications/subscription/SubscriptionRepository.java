package cymru.noddfa.notifications.subscription;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cymru.noddfa.notifications.webhook.SigningSecrets;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SubscriptionRepository {

	private final JdbcClient jdbc;

	private final SigningSecrets secrets;

	/** Keeps the subscription with its secret sealed; the plaintext is never stored. */
	void add(Subscription subscription) {
		SigningSecrets.Sealed sealed = this.secrets.seal(subscription.secret(), subscription.id());
		this.jdbc.sql("""
				insert into subscriptions (id, region_code, provision_id, provider_id, event_types, channel, url,
				                           secret_sealed, secret_key_id, created_at)
				values (:id, :region, :provision, :provider, :types, :channel, :url, :sealed, :keyId, :createdAt)
				""")
			.param("id", subscription.id())
			.param("region", subscription.regionCode())
			.param("provision", subscription.provisionId())
			.param("provider", subscription.providerId())
			.param("types", subscription.eventTypes().stream().map(Enum::name).sorted().toArray(String[]::new))
			.param("channel", subscription.channel().name())
			.param("url", subscription.url())
			.param("sealed", sealed.ciphertext())
			.param("keyId", sealed.keyId())
			.param("createdAt", Timestamp.from(subscription.createdAt()))
			.update();
	}

	public Optional<Subscription> find(UUID id) {
		return this.jdbc.sql("select * from subscriptions where id = ?").param(id).query(this::row).optional();
	}

	List<Subscription> all() {
		return this.jdbc.sql("select * from subscriptions order by created_at, id").query(this::row).list();
	}

	boolean remove(UUID id) {
		return this.jdbc.sql("delete from subscriptions where id = ?").param(id).update() > 0;
	}

	/**
	 * The subscriptions that want this type of event from this region and provision. A
	 * provider's subscription hears only about its own provisions, so an event about no
	 * provision, or one whose provider is not known, reaches none.
	 * @param providerId the provider of the event's provision, {@code null} if none
	 */
	public List<Subscription> wanting(EventType type, String regionCode, String provisionId, String providerId) {
		return this.jdbc.sql("""
				select * from subscriptions
				where (region_code is null or region_code = :region)
				  and (provision_id is null or provision_id = :provision)
				  and (provider_id is null or provider_id = :provider)
				  and (cardinality(event_types) = 0 or :type = any(event_types))
				order by created_at, id
				""")
			.param("region", regionCode)
			.param("provision", provisionId)
			.param("provider", providerId)
			.param("type", type.name())
			.query(this::row)
			.list();
	}

	private Subscription row(ResultSet rs, int rowNum) throws SQLException {
		Array types = rs.getArray("event_types");
		Set<EventType> eventTypes = EnumSet.noneOf(EventType.class);
		Arrays.stream((String[]) types.getArray()).map(EventType::valueOf).forEach(eventTypes::add);
		return new Subscription(rs.getObject("id", UUID.class), rs.getString("region_code"),
				rs.getString("provision_id"), rs.getString("provider_id"), eventTypes,
				Channel.valueOf(rs.getString("channel")), rs.getString("url"), null,
				rs.getTimestamp("created_at").toInstant());
	}

}
