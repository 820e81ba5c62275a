package io.deskgraph.connector;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Views derived from one account's kept vendor answers (a ranking in order, the unused
 * desktops of an inventory), computed once per answer and dropped with it, so that a page
 * of a warm answer costs the page and not the estate.
 * <p>
 * A kept answer is the same object for as long as the page cache keeps it, so views are
 * found by the identity of the answers they were derived from and held only weakly: when
 * the page cache lets an answer go, its views go with it. They never outlive their
 * answers, and are kept compact (arrays of the answers' own strings), so they add a
 * fraction of their answers' weight.
 *
 * @author DeskGraph
 */
public final class DerivedViews {

	/** Answers whose views one account keeps at most, however many are cached. */
	static final int MAX_ANSWERS = 32;

	private final Cache<Object, Map<Object, View>> views = Caffeine.newBuilder()
		.weakKeys()
		.maximumSize(MAX_ANSWERS)
		.build();

	/**
	 * The view of a kind derived from some answers, computed when none derived from these
	 * very answers is kept.
	 * @param <V> the type of view
	 * @param kind what the view is, among the views of the same answers
	 * @param answers the answers it is derived from, compared by identity
	 * @param derive computes the view
	 * @return the view
	 */
	@SuppressWarnings("unchecked")
	public <V> V of(Object kind, List<?> answers, Supplier<V> derive) {
		Map<Object, View> ofFirst = this.views.get(answers.get(0), (first) -> new ConcurrentHashMap<>());
		View kept = ofFirst.get(kind);
		if (kept != null && kept.derivedFrom(answers)) {
			return (V) kept.value();
		}
		V derived = derive.get();
		// Only the first answer is held weakly: the others are held by the view, which
		// the
		// first answer's eviction releases.
		ofFirst.put(kind, new View(List.copyOf(answers.subList(1, answers.size())), derived));
		return derived;
	}

	/**
	 * A view and the answers after the first it was derived from.
	 */
	private record View(List<Object> others, Object value) {

		boolean derivedFrom(List<?> answers) {
			if (answers.size() != this.others.size() + 1) {
				return false;
			}
			for (int i = 1; i < answers.size(); i++) {
				if (answers.get(i) != this.others.get(i - 1)) {
					return false;
				}
			}
			return true;
		}

	}

}
