package cymru.noddfa.matcher.availability;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read model's connection to Redis: a pool of Jedis connections that sign in with
 * {@code spring.data.redis.username}/{@code password} when set, and speak TLS when
 * {@code spring.data.redis.ssl.enabled} (trusting the JVM's authorities) or
 * {@code spring.data.redis.ssl.bundle} (trusting that bundle's) says so. Over TLS the
 * server's certificate must name the host we connect to.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedisConnectionProperties.class)
class RedisConnectionConfiguration {

	@Bean(destroyMethod = "close")
	UnifiedJedis jedis(RedisConnectionProperties properties, ObjectProvider<SslBundles> sslBundles) {
		GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
		pool.setMaxTotal(properties.maxConnections());
		pool.setMaxIdle(properties.maxConnections());
		pool.setMaxWait(properties.timeout());
		DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
			.timeoutMillis((int) properties.timeout().toMillis())
			.user(properties.username())
			.password(properties.password());
		if (properties.ssl().isOn()) {
			SslBundle bundle = (properties.ssl().bundle() != null)
					? sslBundles.getObject().getBundle(properties.ssl().bundle()) : null;
			client.ssl(true).sslSocketFactory(socketFactory(bundle)).sslParameters(parameters(bundle));
		}
		return new JedisPooled(new HostAndPort(properties.host(), properties.port()), client.build(), pool);
	}

	private static SSLSocketFactory socketFactory(SslBundle bundle) {
		return (bundle != null) ? bundle.createSslContext().getSocketFactory()
				: (SSLSocketFactory) SSLSocketFactory.getDefault();
	}

	private static SSLParameters parameters(SslBundle bundle) {
		SSLParameters parameters = new SSLParameters();
		// Jedis checks no host name by itself: without this any certificate the
		// authorities signed would do, for any host
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		SslOptions options = (bundle != null) ? bundle.getOptions() : SslOptions.NONE;
		if (options.getEnabledProtocols() != null) {
			parameters.setProtocols(options.getEnabledProtocols());
		}
		if (options.getCiphers() != null) {
			parameters.setCipherSuites(options.getCiphers());
		}
		return parameters;
	}

}
