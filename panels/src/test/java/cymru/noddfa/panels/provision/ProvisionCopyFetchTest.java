package cymru.noddfa.panels.provision;

import java.util.Properties;

import cymru.noddfa.panels.ServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The panel's copy of the provisions is fetched in batches, so a burst of vacancy changes
 * does not wake it once per record; the referral events a case is opened from are heard
 * at once.
 */
class ProvisionCopyFetchTest extends ServiceTest {

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	@Test
	void the_provision_copy_waits_for_a_batch_and_the_referral_events_do_not() {
		assertThat(consumerProperties("provision-state")).containsEntry("fetch.min.bytes", "65536")
			.containsEntry("fetch.max.wait.ms", "250");
		assertThat(consumerProperties("referral-events")).doesNotContainKeys("fetch.min.bytes", "fetch.max.wait.ms");
	}

	private Properties consumerProperties(String listener) {
		return this.listeners.getListenerContainer(listener).getContainerProperties().getKafkaConsumerProperties();
	}

}
