package io.deskgraph.system.limits;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.introspection.Introspection;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.ObjectValue;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import io.deskgraph.usage.Account;

import org.springframework.lang.Nullable;

/**
 * Measures the depth, aliases and cost of one operation, with fragments expanded, and
 * notes any introspection field.
 *
 * <p>
 * The cost model: every field costs 1. A connection field (one with a {@code first}
 * argument; 20 when absent, at most 500) fanning out to {@code sources} accounts (the
 * configured accounts matching its {@code vendors} and {@code accountIds} arguments, all
 * when they are absent) costs
 * {@code 1 + first × sources + first × cost(edges and nodes) + cost(rest of its selection)}:
 * each account is asked for up to {@code first} items, and everything selected per item,
 * nested {@code Desktop.usage} included, is resolved for up to {@code first} items, while
 * {@code totalCount}, {@code pageInfo} and {@code sources} are resolved once.
 * Federation's {@code _entities} multiplies its selection by the number of
 * representations. Introspection fields ({@code __schema}, {@code __type},
 * {@code __typename}) cost nothing and add no depth. Fragment results are computed once,
 * so measuring is linear in the document's size.
 *
 * @author DeskGraph
 */
final class QueryAnalyzer {

	/** The page size a connection field uses when {@code first} is absent. */
	static final int DEFAULT_FIRST = 20;

	/**
	 * The largest page size the schema accepts; larger values are rejected by the field
	 * itself with an error naming {@code first}, so they cost no more than this.
	 */
	static final int MAX_FIRST = 500;

	private static final Set<String> ITEM_FIELDS = Set.of("edges", "nodes");

	private final GraphQLSchema schema;

	private final Map<String, FragmentDefinition> fragments;

	private final ArgumentValues values;

	private final List<Account> accounts;

	private final Map<String, Measure> fragmentMeasures = new HashMap<>();

	private final Set<String> visiting = new HashSet<>();

	private final Map<Field, Measure> fieldMeasures = new IdentityHashMap<>();

	QueryAnalyzer(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Object> variables,
			List<Account> accounts) {
		this.schema = schema;
		this.fragments = fragments;
		this.values = new ArgumentValues(variables);
		this.accounts = accounts;
	}

	/**
	 * Measures a selection set.
	 * @param selectionSet the operation's selection set
	 * @param type the operation's root type
	 * @return the measure
	 */
	Measure measure(SelectionSet selectionSet, GraphQLCompositeType type) {
		Measure measure = Measure.EMPTY;
		for (Selection<?> selection : selectionSet.getSelections()) {
			measure = measure.plus(measure(selection, type));
		}
		return measure;
	}

	private Measure measure(Selection<?> selection, GraphQLCompositeType parent) {
		if (selection instanceof Field field) {
			return measureField(field, parent);
		}
		if (selection instanceof InlineFragment inline) {
			GraphQLCompositeType type = (inline.getTypeCondition() != null)
					? compositeType(inline.getTypeCondition().getName(), parent) : parent;
			return measure(inline.getSelectionSet(), type);
		}
		if (selection instanceof FragmentSpread spread) {
			return measureFragment(spread.getName(), parent);
		}
		return Measure.EMPTY;
	}

	private Measure measureFragment(String name, GraphQLCompositeType parent) {
		Measure known = this.fragmentMeasures.get(name);
		if (known != null) {
			return known;
		}
		FragmentDefinition definition = this.fragments.get(name);
		// Validation rejects unknown and cyclic fragments before execution; stay safe
		// anyway.
		if (definition == null || !this.visiting.add(name)) {
			return Measure.EMPTY;
		}
		Measure measure = measure(definition.getSelectionSet(),
				compositeType(definition.getTypeCondition().getName(), parent));
		this.visiting.remove(name);
		this.fragmentMeasures.put(name, measure);
		return measure;
	}

	private Measure measureField(Field field, GraphQLCompositeType parent) {
		// A field node always sits under the same type, so its measure is computed once.
		Measure known = this.fieldMeasures.get(field);
		if (known == null) {
			known = measureNewField(field, parent);
			this.fieldMeasures.put(field, known);
		}
		return known;
	}

	/**
	 * The cost of the per-item part of a connection's selection: its {@code edges} and
	 * {@code nodes}.
	 */
	private long itemCost(SelectionSet selectionSet, GraphQLCompositeType type, Set<String> spreads) {
		long cost = 0;
		for (Selection<?> selection : selectionSet.getSelections()) {
			if (selection instanceof Field field && ITEM_FIELDS.contains(field.getName())) {
				cost = add(cost, measureField(field, type).cost());
			}
			else if (selection instanceof InlineFragment inline) {
				GraphQLCompositeType condition = (inline.getTypeCondition() != null)
						? compositeType(inline.getTypeCondition().getName(), type) : type;
				cost = add(cost, itemCost(inline.getSelectionSet(), condition, spreads));
			}
			else if (selection instanceof FragmentSpread spread && spreads.add(spread.getName())) {
				FragmentDefinition definition = this.fragments.get(spread.getName());
				if (definition != null) {
					cost = add(cost, itemCost(definition.getSelectionSet(),
							compositeType(definition.getTypeCondition().getName(), type), spreads));
				}
			}
		}
		return cost;
	}

	private Measure measureNewField(Field field, GraphQLCompositeType parent) {
		String name = field.getName();
		boolean introspection = name.equals(Introspection.SchemaMetaFieldDef.getName())
				|| name.equals(Introspection.TypeMetaFieldDef.getName());
		if (name.startsWith("__")) {
			// Introspection costs nothing, but its aliases count like any others: three
			// thousand aliased __typename fields are still three thousand fields.
			int aliases = ((field.getAlias() != null) ? 1 : 0) + aliasesBelow(field.getSelectionSet(), new HashSet<>());
			return new Measure(0, aliases, 0, introspection);
		}
		int aliases = (field.getAlias() != null) ? 1 : 0;
		GraphQLFieldDefinition definition = (parent instanceof GraphQLFieldsContainer container)
				? container.getFieldDefinition(name) : null;
		if (definition == null) {
			return new Measure(1, aliases, 1, false);
		}
		Measure children = Measure.EMPTY;
		if (field.getSelectionSet() != null) {
			GraphQLType type = GraphQLTypeUtil.unwrapAll(definition.getType());
			if (type instanceof GraphQLCompositeType composite) {
				children = measure(field.getSelectionSet(), composite);
			}
		}
		long cost = add(1, children.cost());
		if (definition.getArgument("first") != null) {
			long first = Math.min(MAX_FIRST, Math.max(0, intArgument(field, "first", DEFAULT_FIRST)));
			long perItem = (field.getSelectionSet() != null
					&& GraphQLTypeUtil.unwrapAll(definition.getType()) instanceof GraphQLCompositeType composite)
							? itemCost(field.getSelectionSet(), composite, new HashSet<>()) : 0;
			cost = add(1, add(times(first, sources(field)), add(times(first, perItem), children.cost() - perItem)));
		}
		else if (name.equals("_entities")) {
			cost = add(1, times(listSize(field, "representations"), children.cost()));
		}
		return new Measure(1 + children.depth(), aliases + children.aliases(), cost, children.introspection());
	}

	private int aliasesBelow(@Nullable SelectionSet selectionSet, Set<String> spreads) {
		int aliases = 0;
		if (selectionSet == null) {
			return 0;
		}
		for (Selection<?> selection : selectionSet.getSelections()) {
			if (selection instanceof Field field) {
				aliases += ((field.getAlias() != null) ? 1 : 0) + aliasesBelow(field.getSelectionSet(), spreads);
			}
			else if (selection instanceof InlineFragment inline) {
				aliases += aliasesBelow(inline.getSelectionSet(), spreads);
			}
			else if (selection instanceof FragmentSpread spread && spreads.add(spread.getName())
					&& this.fragments.get(spread.getName()) != null) {
				aliases += aliasesBelow(this.fragments.get(spread.getName()).getSelectionSet(), spreads);
			}
		}
		return aliases;
	}

	/**
	 * Representations of {@code _entities} that are not objects, which federation's
	 * entity fetcher cannot read, by their index.
	 * @param selectionSet the operation's selection set
	 * @return the indexes, empty when every representation is an object
	 */
	List<Integer> invalidRepresentations(SelectionSet selectionSet) {
		List<Integer> invalid = new ArrayList<>();
		for (Selection<?> selection : selectionSet.getSelections()) {
			if (selection instanceof Field field && field.getName().equals("_entities")) {
				Argument argument = field.getArguments()
					.stream()
					.filter((candidate) -> candidate.getName().equals("representations"))
					.findFirst()
					.orElse(null);
				if (argument == null) {
					continue;
				}
				if (argument.getValue() instanceof ArrayValue array) {
					for (int i = 0; i < array.getValues().size(); i++) {
						if (!(array.getValues().get(i) instanceof ObjectValue)) {
							invalid.add(i);
						}
					}
				}
				else if (plain(argument.getValue()) instanceof List<?> list) {
					for (int i = 0; i < list.size(); i++) {
						if (!(list.get(i) instanceof Map<?, ?>)) {
							invalid.add(i);
						}
					}
				}
			}
		}
		return invalid;
	}

	private long sources(Field field) {
		Collection<String> vendors = names(field, "vendors");
		Collection<String> accountIds = names(field, "accountIds");
		return Math.max(1,
				this.accounts.stream()
					.filter((account) -> vendors == null || vendors.contains(account.vendor().name()))
					.filter((account) -> accountIds == null || accountIds.contains(account.id()))
					.count());
	}

	private int intArgument(Field field, String name, int fallback) {
		Object value = resolve(field, name);
		return (value instanceof Number number) ? number.intValue() : fallback;
	}

	private long listSize(Field field, String name) {
		Object value = resolve(field, name);
		return (value instanceof Collection<?> list) ? list.size() : 1;
	}

	@Nullable
	private Collection<String> names(Field field, String name) {
		return ArgumentValues.strings(resolve(field, name));
	}

	@Nullable
	private Object resolve(Field field, String name) {
		return this.values.value(field, name);
	}

	@Nullable
	private Object plain(Value<?> value) {
		return this.values.plain(value);
	}

	private GraphQLCompositeType compositeType(String name, GraphQLCompositeType fallback) {
		return (this.schema.getType(name) instanceof GraphQLCompositeType type) ? type : fallback;
	}

	private static long add(long a, long b) {
		try {
			return Math.addExact(a, b);
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

	private static long times(long a, long b) {
		try {
			return Math.multiplyExact(a, b);
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

	/**
	 * What one selection adds up to.
	 *
	 * @param depth the deepest field nesting
	 * @param aliases the aliased fields
	 * @param cost the cost
	 * @param introspection whether {@code __schema} or {@code __type} is selected
	 */
	record Measure(int depth, int aliases, long cost, boolean introspection) {

		static final Measure EMPTY = new Measure(0, 0, 0, false);

		Measure plus(Measure other) {
			return new Measure(Math.max(this.depth, other.depth), this.aliases + other.aliases,
					add(this.cost, other.cost), this.introspection || other.introspection);
		}

	}

}
