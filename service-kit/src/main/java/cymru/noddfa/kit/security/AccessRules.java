package cymru.noddfa.kit.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's role rules per endpoint, applied between the kit's own rules (open probes
 * and API description, admin-only actuator and audit) and the final rule that refuses
 * whatever no rule allows. Object-level checks stay in the service.
 */
@FunctionalInterface
public interface AccessRules {

	void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);

}
