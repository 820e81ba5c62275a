package io.deskgraph.system.limits;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.Field;
import graphql.language.IntValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;

import org.springframework.lang.Nullable;

/**
 * Reads the arguments of a field in a parsed document as plain Java values, with its
 * variables substituted, for the checks that run before any data fetcher.
 *
 * @author DeskGraph
 */
final class ArgumentValues {

	private final Map<String, Object> variables;

	/**
	 * Creates a reader.
	 * @param variables the operation's coerced variables
	 */
	ArgumentValues(Map<String, Object> variables) {
		this.variables = variables;
	}

	/**
	 * An argument of a field.
	 * @param field the field
	 * @param name the argument's name
	 * @return the argument, or {@code null} when the field does not have it
	 */
	@Nullable
	static Argument argument(Field field, String name) {
		for (Argument argument : field.getArguments()) {
			if (argument.getName().equals(name)) {
				return argument;
			}
		}
		return null;
	}

	/**
	 * The value of a field's argument as plain Java.
	 * @param field the field
	 * @param name the argument's name
	 * @return the value (see {@link #plain(Value)}), or {@code null} when absent or null
	 */
	@Nullable
	Object value(Field field, String name) {
		Argument argument = argument(field, name);
		return (argument != null) ? plain(argument.getValue()) : null;
	}

	/**
	 * A plain value as a list of strings: a list's elements, or a single value alone.
	 * @param value the plain value
	 * @return the strings, or {@code null} when the value is null
	 */
	@Nullable
	static Collection<String> strings(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Collection<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		return List.of(String.valueOf(value));
	}

	/**
	 * A value as plain Java: numbers, strings, booleans, enum names, and lists and maps
	 * of them; {@code null} for null and for values of no such kind.
	 * @param value the value as written or as a variable reference
	 * @return the plain value
	 */
	@Nullable
	Object plain(Value<?> value) {
		if (value instanceof VariableReference reference) {
			Object variable = this.variables.get(reference.getName());
			return (variable instanceof Enum<?> constant) ? constant.name() : variable;
		}
		if (value instanceof IntValue number) {
			return number.getValue().intValue();
		}
		if (value instanceof StringValue text) {
			return text.getValue();
		}
		if (value instanceof BooleanValue bool) {
			return bool.isValue();
		}
		if (value instanceof EnumValue constant) {
			return constant.getName();
		}
		if (value instanceof ArrayValue array) {
			return array.getValues().stream().map(this::plain).toList();
		}
		if (value instanceof ObjectValue object) {
			Map<String, Object> map = new LinkedHashMap<>();
			for (ObjectField objectField : object.getObjectFields()) {
				map.put(objectField.getName(), plain(objectField.getValue()));
			}
			return map;
		}
		return null;
	}

}
