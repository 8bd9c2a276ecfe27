package cymru.noddfa.kit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestBody larger request bodies are refused (413) before they are read
 */
@ConfigurationProperties("noddfa.service")
public record ServiceProperties(@DefaultValue("64KB") DataSize maxRequestBody) {

}
