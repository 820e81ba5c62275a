package io.deskgraph.system.limits;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

import org.springframework.lang.Nullable;

/**
 * Counts the field selections of a document with its fragments expanded, in time linear
 * in the document's size: each fragment is counted once and its count reused wherever it
 * is spread, so a document whose fragments double at every level is counted, not
 * expanded.
 *
 * @author DeskGraph
 */
final class FieldCounter {

	private final Map<String, FragmentDefinition> fragments = new HashMap<>();

	private final Map<String, Long> counted = new HashMap<>();

	private final Set<String> visiting = new HashSet<>();

	private FieldCounter(Document document) {
		for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
			this.fragments.putIfAbsent(fragment.getName(), fragment);
		}
	}

	/**
	 * Counts the fields every operation of a document selects.
	 * @param document the parsed document
	 * @return the count, saturated at {@link Long#MAX_VALUE}
	 */
	static long count(Document document) {
		FieldCounter counter = new FieldCounter(document);
		long fields = 0;
		for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
			fields = add(fields, counter.count(operation.getSelectionSet()));
		}
		return fields;
	}

	private long count(@Nullable SelectionSet selectionSet) {
		long fields = 0;
		if (selectionSet == null) {
			return 0;
		}
		for (Selection<?> selection : selectionSet.getSelections()) {
			if (selection instanceof Field field) {
				fields = add(fields, add(1, count(field.getSelectionSet())));
			}
			else if (selection instanceof InlineFragment inline) {
				fields = add(fields, count(inline.getSelectionSet()));
			}
			else if (selection instanceof FragmentSpread spread) {
				fields = add(fields, fragment(spread.getName()));
			}
		}
		return fields;
	}

	private long fragment(String name) {
		Long known = this.counted.get(name);
		if (known != null) {
			return known;
		}
		FragmentDefinition definition = this.fragments.get(name);
		// Unknown and cyclic fragments fail validation; they add nothing here.
		if (definition == null || !this.visiting.add(name)) {
			return 0;
		}
		long fields = count(definition.getSelectionSet());
		this.visiting.remove(name);
		this.counted.put(name, fields);
		return fields;
	}

	private static long add(long a, long b) {
		long sum = a + b;
		return (sum < 0) ? Long.MAX_VALUE : sum;
	}

}
