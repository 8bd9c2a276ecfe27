package cymru.noddfa.kit.events;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * A batch listener's offsets are committed once per poll, after its one transaction
 * ({@link OneTransactionPerPoll}), in a service whose record listeners commit after each
 * record ({@code spring.kafka.listener.ack-mode: record}), which a batch listener cannot.
 * Use as {@code @KafkaListener(batch = "true", containerPostProcessor =
 * PollAcknowledgement.BEAN)}.
 */
@AutoConfiguration
@ConditionalOnClass(KafkaOperations.class)
public class PollAcknowledgement {

	public static final String BEAN = "acknowledgedPerPoll";

	@Bean(BEAN)
	ContainerPostProcessor<Object, Object, AbstractMessageListenerContainer<Object, Object>> acknowledgedPerPoll() {
		return (container) -> container.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
	}

}
