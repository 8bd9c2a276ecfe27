package cymru.noddfa.matcher.availability;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

import org.springframework.stereotype.Component;

/**
 * Where the read model lives in Redis, shared by its writer ({@link ProvisionMirror}) and
 * its readers ({@link AvailableBeds}): a hash per provision ({@code prov:<id>}), per bed
 * type a GEO index of the provisions with a bed free ({@code geo:<bed type>}) and the
 * same per region ({@code geo:<bed type>:<region>}), and the {@code ready} flag, all
 * under {@code noddfa.matcher.read-model.key-prefix}. Every call is made through
 * {@link #call}, so a Redis failure reaches callers as {@link ReadModelUnavailable}.
 */
@Component
class ReadModelRedis {

	private final UnifiedJedis redis;

	private final String prefix;

	ReadModelRedis(UnifiedJedis redis, ReadModelProperties properties) {
		this.redis = redis;
		this.prefix = properties.keyPrefix();
	}

	String prefix() {
		return this.prefix;
	}

	String provisionKey(String provisionId) {
		return this.prefix + "prov:" + provisionId;
	}

	/** The bed type's index, or with a region code that region's. */
	String indexKey(BedType bedType, String regionCode) {
		return this.prefix + "geo:" + bedType.name() + ((regionCode != null) ? ":" + regionCode : "");
	}

	String readyKey() {
		return this.prefix + "ready";
	}

	/**
	 * One pipelined round trip: for each provision, in the same order, the values of the
	 * fields of its hash (null where absent).
	 */
	List<List<String>> fields(List<String> provisionIds, String... fields) {
		return fields(false, provisionIds, fields);
	}

	/**
	 * As {@link #fields}, asking in the same round trip whether the read model is ready:
	 * {@link ReadModelUnavailable} when it is not, so that an emptied Redis never reads
	 * as provisions without figures.
	 */
	List<List<String>> fieldsWhenReady(List<String> provisionIds, String... fields) {
		return fields(true, provisionIds, fields);
	}

	private List<List<String>> fields(boolean mustBeReady, List<String> provisionIds, String... fields) {
		List<Response<List<String>>> responses = new ArrayList<>(provisionIds.size());
		Response<Boolean> ready = call((jedis) -> {
			try (AbstractPipeline pipeline = jedis.pipelined()) {
				Response<Boolean> exists = mustBeReady ? pipeline.exists(readyKey()) : null;
				for (String id : provisionIds) {
					responses.add(pipeline.hmget(provisionKey(id), fields));
				}
				pipeline.sync();
				return exists;
			}
		});
		if (ready != null && !ready.get()) {
			throw new ReadModelUnavailable();
		}
		return responses.stream().map(Response::get).toList();
	}

	<T> T call(Function<UnifiedJedis, T> call) {
		try {
			return call.apply(this.redis);
		}
		catch (JedisException ex) {
			throw new ReadModelUnavailable(ex);
		}
	}

}
