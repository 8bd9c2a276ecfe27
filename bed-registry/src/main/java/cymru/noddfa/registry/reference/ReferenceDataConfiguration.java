package cymru.noddfa.registry.reference;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import cymru.noddfa.registry.RegistryProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
class ReferenceDataConfiguration {

	@Bean
	ReferenceData referenceData(RegistryProperties properties, ResourceLoader resources) throws IOException {
		Resource needs = resources.getResource(properties.reference().needs());
		Resource regions = resources.getResource(properties.reference().regions());
		try (Reader needsReader = new InputStreamReader(needs.getInputStream(), StandardCharsets.UTF_8);
				Reader regionsReader = new InputStreamReader(regions.getInputStream(), StandardCharsets.UTF_8)) {
			return ReferenceData.read(needsReader, regionsReader);
		}
	}

}
