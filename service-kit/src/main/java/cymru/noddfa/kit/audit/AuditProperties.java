package cymru.noddfa.kit.audit;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the audit trail records besides every write.
 *
 * @param readPaths path patterns whose reads are recorded too (a child's referral, holds
 * and placements)
 * @param poolSize connections kept for audit records alone, so a surge of changes holding
 * the service's own connections never keeps the trail waiting
 */
@ConfigurationProperties("noddfa.audit")
public record AuditProperties(@DefaultValue List<String> readPaths, @DefaultValue("4") int poolSize) {

}
