package cymru.noddfa.notifications.message;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TemplatesConfiguration {

	@Bean
	Templates templates(MessageSource messages) {
		return new Templates(messages::getMessage);
	}

}
