package cymru.noddfa.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class the shared real Kafka, PostgreSQL and Redis, published as the Spring
 * Boot properties a service reads ({@code spring.kafka.bootstrap-servers},
 * {@code spring.datasource.*}, {@code spring.data.redis.*}), so a Spring test context
 * built afterwards connects to them with no further setup.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(InfrastructureExtension.class)
public @interface WithInfrastructure {

	/** The service's own database on the shared PostgreSQL server. */
	String database();

}
