package cymru.noddfa.notifications.tenancy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The provider behind each provision, as the registry's provision states say, so a
 * provider's access to alerts, subscriptions and the feed is decided against what the
 * registry published rather than an id in a request.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ProvisionOwnerRepository {

	private final JdbcClient jdbc;

	/** Records who provides each provision, each given once, in one statement. */
	public void record(Map<String, String> providersByProvision) {
		owners("""
				insert into provision_owners (provision_id, provider_id)
				select * from unnest(:provisions, :providers)
				on conflict (provision_id) do update set provider_id = excluded.provider_id
				""", providersByProvision);
	}

	/**
	 * Records who provides each provision, each given once, where none is known yet: a
	 * provision the registry told us of before this service kept providers (a replayed or
	 * repeated state). A known provider stays as it is.
	 */
	public void recordIfUnknown(Map<String, String> providersByProvision) {
		owners("""
				insert into provision_owners (provision_id, provider_id)
				select * from unnest(:provisions, :providers)
				on conflict do nothing
				""", providersByProvision);
	}

	private void owners(String sql, Map<String, String> providersByProvision) {
		if (providersByProvision.isEmpty()) {
			return;
		}
		this.jdbc.sql(sql)
			.param("provisions", providersByProvision.keySet().toArray(String[]::new))
			.param("providers", providersByProvision.values().toArray(String[]::new))
			.update();
	}

	/** The provider of the provision, if the registry has told us. */
	public Optional<String> providerOf(String provisionId) {
		if (provisionId == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("select provider_id from provision_owners where provision_id = ?")
			.param(provisionId)
			.query(String.class)
			.optional();
	}

	/** The provisions the registry says the provider runs. */
	public List<String> provisionsOf(String providerId) {
		return this.jdbc.sql("select provision_id from provision_owners where provider_id = ? order by provision_id")
			.param(providerId)
			.query(String.class)
			.list();
	}

}
