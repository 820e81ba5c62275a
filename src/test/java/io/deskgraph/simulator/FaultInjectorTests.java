package io.deskgraph.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link FaultInjector} and {@link SimulatorFaults}.
 *
 * @author DeskGraph
 */
class FaultInjectorTests {

	private final FaultInjector injector = new FaultInjector();

	@Test
	void noFaultsByDefault() {
		assertThat(this.injector.current()).isEqualTo(SimulatorFaults.NONE);
		for (int i = 0; i < 100; i++) {
			assertThat(this.injector.draw()).isEqualTo(FaultInjector.Fault.NONE);
		}
	}

	@Test
	void mergeChangesOnlyTheGivenSettings() {
		this.injector.merge(Map.of("errorRate", 0.5));
		SimulatorFaults merged = this.injector.merge(Map.of("latencyMs", 20, "down", true));
		assertThat(merged).isEqualTo(new SimulatorFaults(20, 0.5, 0, 0, 0, true, -1, 0));
	}

	@Test
	void outageStrikesAfterTheGivenCallsForTheGivenCalls() {
		this.injector.merge(Map.of("outageAfterCalls", 3, "outageCalls", 2));
		List<FaultInjector.Fault> drawn = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			drawn.add(this.injector.draw());
		}
		assertThat(drawn).containsExactly(FaultInjector.Fault.NONE, FaultInjector.Fault.NONE, FaultInjector.Fault.NONE,
				FaultInjector.Fault.SERVER_ERROR, FaultInjector.Fault.SERVER_ERROR, FaultInjector.Fault.NONE,
				FaultInjector.Fault.NONE, FaultInjector.Fault.NONE);
		// Setting it again counts from then on.
		this.injector.merge(Map.of("outageAfterCalls", 0));
		assertThat(this.injector.draw()).isEqualTo(FaultInjector.Fault.SERVER_ERROR);
		assertThat(this.injector.draw()).isEqualTo(FaultInjector.Fault.SERVER_ERROR);
		assertThat(this.injector.draw()).isEqualTo(FaultInjector.Fault.NONE);
		assertThatIllegalArgumentException().isThrownBy(() -> this.injector.merge(Map.of("outageAfterCalls", -2)))
			.withMessageContaining("outageAfterCalls");
	}

	@Test
	void invalidSettingsChangeNothing() {
		this.injector.merge(Map.of("throttleRate", 0.2));
		assertThatIllegalArgumentException().isThrownBy(() -> this.injector.merge(Map.of("throttleRate", 1.5)))
			.withMessageContaining("throttleRate");
		assertThatIllegalArgumentException().isThrownBy(() -> this.injector.merge(Map.of("down", "yes")))
			.withMessageContaining("down");
		assertThatIllegalArgumentException().isThrownBy(() -> this.injector.merge(Map.of("latency", 5)))
			.withMessageContaining("latency");
		assertThat(this.injector.current().throttleRate()).isEqualTo(0.2);
	}

	@Test
	void certainFaultsAlwaysStrike() {
		this.injector.merge(Map.of("errorRate", 1));
		assertThat(this.injector.draw()).isEqualTo(FaultInjector.Fault.SERVER_ERROR);
		this.injector.set(SimulatorFaults.NONE.merge(Map.of("malformedRate", 1)));
		assertThat(this.injector.draw()).isEqualTo(FaultInjector.Fault.MALFORMED);
		this.injector.merge(Map.of("down", true));
		assertThat(this.injector.draw()).isEqualTo(FaultInjector.Fault.DOWN);
		this.injector.reset();
		assertThat(this.injector.draw()).isEqualTo(FaultInjector.Fault.NONE);
	}

	@Test
	void ratesSplitCallsInProportion() {
		this.injector.merge(Map.of("throttleRate", 0.3, "timeoutRate", 0.2));
		int throttled = 0;
		int timedOut = 0;
		for (int i = 0; i < 10_000; i++) {
			FaultInjector.Fault fault = this.injector.draw();
			throttled += (fault == FaultInjector.Fault.THROTTLE) ? 1 : 0;
			timedOut += (fault == FaultInjector.Fault.TIMEOUT) ? 1 : 0;
		}
		assertThat(throttled).isBetween(2700, 3300);
		assertThat(timedOut).isBetween(1700, 2300);
	}

}
