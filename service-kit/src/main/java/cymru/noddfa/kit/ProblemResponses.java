package cymru.noddfa.kit;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes the problems of the filters (security's 401 and 403, admission's 503), which
 * answer before any controller advice could.
 */
@RequiredArgsConstructor
public class ProblemResponses {

	private final MessageSource messages;

	private final JsonMapper json = JsonMapper.builder().build();

	public void send(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String kind)
			throws IOException {
		ProblemDetail problem = Problems.of(this.messages, status, kind);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), body);
	}

}
