package io.deskgraph.system.observability;

import io.deskgraph.DeskGraphApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for {@link ProductionAccountsCheck}.
 *
 * @author DeskGraph
 */
class ProductionAccountsCheckTests {

	@Test
	void prodProfileWithoutAccountsFailsToStartWithAClearMessage() {
		// Plain logs, so that this start-up leaves the console as other tests expect it.
		assertThatThrownBy(() -> new SpringApplicationBuilder(DeskGraphApplication.class).profiles("prod")
			.run("--server.port=0", "--logging.structured.format.console=", "--deskgraph.security.required=false"))
			.rootCause()
			.isInstanceOf(IllegalStateException.class)
			.hasMessage(ProductionAccountsCheck.MESSAGE);
	}

}
