package cymru.noddfa.kit.audit;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the audit trail records besides every write.
 *
 * @param readPaths path patterns whose reads are recorded too (a child's referral, holds
 * and placements)
 */
@ConfigurationProperties("noddfa.audit")
public record AuditProperties(@DefaultValue List<String> readPaths) {

}
