package cymru.noddfa.notifications.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ContactRepository {

	private static final TypeReference<List<Contact.Reach>> REACHES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	void add(Contact contact) {
		this.jdbc.sql("""
				insert into contacts (id, name, role, region_code, provision_id, rota_position, channels, quiet_from,
				                      quiet_to, created_at)
				values (:id, :name, :role, :region, :provision, :position, cast(:channels as jsonb), :quietFrom,
				        :quietTo, :createdAt)
				""")
			.param("id", contact.id())
			.param("name", contact.name())
			.param("role", contact.role().name())
			.param("region", contact.regionCode())
			.param("provision", contact.provisionId())
			.param("position", contact.rotaPosition())
			.param("channels", this.json.writeValueAsString(contact.channels()))
			.param("quietFrom", (contact.quietHours() != null) ? Time.valueOf(contact.quietHours().from()) : null,
					Types.TIME)
			.param("quietTo", (contact.quietHours() != null) ? Time.valueOf(contact.quietHours().to()) : null,
					Types.TIME)
			.param("createdAt", Timestamp.from(contact.createdAt()))
			.update();
	}

	public Optional<Contact> find(UUID id) {
		return this.jdbc.sql("select * from contacts where id = ?").param(id).query(this::row).optional();
	}

	List<Contact> list(String regionCode, Role role) {
		return this.jdbc.sql("""
				select * from contacts
				where (cast(:region as text) is null or region_code = :region)
				  and (cast(:role as text) is null or role = :role)
				order by region_code, role, rota_position, created_at
				""")
			.param("region", regionCode)
			.param("role", (role != null) ? role.name() : null)
			.query(this::row)
			.list();
	}

	boolean remove(UUID id) {
		return this.jdbc.sql("delete from contacts where id = ?").param(id).update() > 0;
	}

	/**
	 * The rota for an audience, in order: a region's contacts in a role, or, for
	 * providers, the duty contacts of one provision.
	 */
	public List<Contact> rota(Role role, String regionCode, String provisionId) {
		return this.jdbc.sql("""
				select * from contacts
				where role = :role
				  and (case when :role = 'PROVIDER' then provision_id = :provision else region_code = :region end)
				order by rota_position, created_at, id
				""")
			.param("role", role.name())
			.param("region", regionCode)
			.param("provision", provisionId)
			.query(this::row)
			.list();
	}

	private Contact row(ResultSet rs, int rowNum) throws SQLException {
		return new Contact(rs.getObject("id", UUID.class), rs.getString("name"), Role.valueOf(rs.getString("role")),
				rs.getString("region_code"), rs.getString("provision_id"), rs.getInt("rota_position"),
				this.json.readValue(rs.getString("channels"), REACHES),
				(rs.getTime("quiet_from") != null)
						? new QuietHours(rs.getTime("quiet_from").toLocalTime(), rs.getTime("quiet_to").toLocalTime())
						: null,
				rs.getTimestamp("created_at").toInstant());
	}

}
