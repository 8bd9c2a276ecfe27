package cymru.noddfa.kit;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.support.AbstractMessageSource;

/**
 * Every bundle entry is a {@link java.text.MessageFormat} pattern, with or without
 * arguments, so an apostrophe is always written {@code ''} (Welsh has many) and always
 * shown once. Spring skips the formatting for messages without arguments unless told.
 */
public class AlwaysFormattedMessages implements BeanPostProcessor {

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractMessageSource messageSource) {
			messageSource.setAlwaysUseMessageFormat(true);
		}
		return bean;
	}

}
