package io.deskgraph.connector;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DerivedViews}: a view is derived once per answer and kind, found by
 * the answers' identity (an equal copy is another answer), and derived again when any
 * answer it came from was replaced.
 *
 * @author DeskGraph
 */
class DerivedViewsTests {

	private final DerivedViews views = new DerivedViews();

	private final AtomicInteger derivations = new AtomicInteger();

	@Test
	void derivesOncePerAnswerAndKind() {
		List<String> rows = new ArrayList<>(List.of("a", "b"));
		assertThat(sizeOf("count", rows)).isEqualTo(2);
		assertThat(sizeOf("count", rows)).isEqualTo(2);
		assertThat(this.derivations).hasValue(1);
		sizeOf("other", rows);
		assertThat(this.derivations).hasValue(2);
	}

	@Test
	void anEqualCopyIsAnotherAnswer() {
		List<String> rows = new ArrayList<>(List.of("a", "b"));
		sizeOf("count", rows);
		List<String> refetched = new ArrayList<>(rows);
		refetched.add("c");
		assertThat(sizeOf("count", refetched)).isEqualTo(3);
		assertThat(sizeOf("count", new ArrayList<>(List.of("a", "b")))).isEqualTo(2);
		assertThat(this.derivations).hasValue(3);
	}

	@Test
	void derivesAgainWhenALaterAnswerWasReplaced() {
		List<String> first = List.of("a");
		List<String> second = new ArrayList<>(List.of("b"));
		List<String> replacement = new ArrayList<>(List.of("b", "c"));
		assertThat(total(first, second)).isEqualTo(2);
		assertThat(total(first, second)).isEqualTo(2);
		assertThat(this.derivations).hasValue(1);
		assertThat(total(first, replacement)).isEqualTo(3);
		assertThat(this.derivations).hasValue(2);
		assertThat(total(first)).isEqualTo(1);
		assertThat(this.derivations).hasValue(3);
	}

	private int sizeOf(String kind, List<String> answer) {
		return this.views.of(kind, List.of(answer), () -> {
			this.derivations.incrementAndGet();
			return answer.size();
		});
	}

	@SafeVarargs
	private int total(List<String>... answers) {
		return this.views.of("total", List.of(answers), () -> {
			this.derivations.incrementAndGet();
			return List.of(answers).stream().mapToInt(List::size).sum();
		});
	}

}
