package cymru.noddfa.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Checks event payloads against the JSON Schema their producer commits. Producers test
 * what they send; consumers test that the schema's examples still give them the fields
 * they read.
 */
public final class JsonSchemas {

	private static final ObjectMapper json = new ObjectMapper();

	private static final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

	private JsonSchemas() {
	}

	public static JsonSchema load(Path schemaFile) {
		try {
			return factory.getSchema(Files.readString(schemaFile));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every way the document breaks the schema; empty when it conforms. */
	public static Set<String> violations(JsonSchema schema, String document) {
		try {
			JsonNode node = json.readTree(document);
			return schema.validate(node).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
		}
		catch (IOException ex) {
			return Set.of("not JSON: " + ex.getMessage());
		}
	}

}
