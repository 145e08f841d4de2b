package dev.sagents.sample.web;

import dev.sagents.cluster.NoHostAvailableException;
import dev.sagents.process.MemberLostException;
import dev.sagents.process.ProcessKey;
import org.junit.jupiter.api.Test;

import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

/** The problems only horde mode raises, which a single-node test cannot provoke over HTTP. */
class SagentsProblemHandlerTests {

	private static final String TYPE_PREFIX = "tag:sagents.dev,2026:problem:";

	private final SagentsProblemHandler handler = new SagentsProblemHandler();

	@Test
	void lostHostingNodeIsServiceUnavailable() {
		ProblemDetail problem = this.handler.memberLost(new MemberLostException(ProcessKey.agent("alice"), "n3"));

		assertThat(problem.getStatus()).isEqualTo(503);
		assertThat(problem.getType()).hasToString(TYPE_PREFIX + "member-lost");
		assertThat(problem.getDetail()).contains("'n3'", "agent:alice");
	}

	@Test
	void noHostIsServiceUnavailable() {
		ProblemDetail problem = this.handler.noHost(new NoHostAvailableException(ProcessKey.agent("alice")));

		assertThat(problem.getStatus()).isEqualTo(503);
		assertThat(problem.getType()).hasToString(TYPE_PREFIX + "no-host-available");
		assertThat(problem.getDetail()).isNotBlank();
	}

}
