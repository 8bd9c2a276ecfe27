package cymru.noddfa.bench.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatementsTest {

	@Test
	void a_statement_is_described_on_one_line_with_its_time_per_call() {
		Statements.Top top = new Statements.Top("registry", 4, 10.0, 4, "select *\n  from provision\twhere id = $1");

		assertThat(top.describe())
			.isEqualTo("registry: 10 ms in 4 calls (2.50 ms each, 4 rows): `select * from provision where id = $1`");
	}

	@Test
	void a_long_statement_is_cut_and_its_backquotes_cannot_end_the_code_span() {
		String query = "select `x` from t where " + "a = 1 and ".repeat(30) + "b = 2";

		String described = new Statements.Top("matcher", 1, 1.0, 1, query).describe();

		String quoted = described.substring(described.indexOf('`') + 1, described.lastIndexOf('`'));
		assertThat(quoted).hasSize(120).endsWith("...").doesNotContain("`");
	}

}
