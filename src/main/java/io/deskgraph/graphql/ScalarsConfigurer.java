package io.deskgraph.graphql;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.RuntimeWiring;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * Registers the {@code Date}, {@code DateTime} and {@code Long} scalars with messages
 * that say which format was expected.
 *
 * @author DeskGraph
 */
@Component
class ScalarsConfigurer implements RuntimeWiringConfigurer {

	static final GraphQLScalarType DATE = GraphQLScalarType.newScalar()
		.name("Date")
		.description("A day, yyyy-MM-dd, of each account's day zone")
		.coercing(new DateCoercing())
		.build();

	static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
		.name("DateTime")
		.description("An ISO-8601 instant in UTC")
		.coercing(new DateTimeCoercing())
		.build();

	static final GraphQLScalarType LONG = GraphQLScalarType.newScalar()
		.name("Long")
		.description("A 64-bit signed integer")
		.coercing(new LongCoercing())
		.build();

	@Override
	public void configure(RuntimeWiring.Builder builder) {
		builder.scalar(DATE).scalar(DATE_TIME).scalar(LONG);
	}

	/**
	 * Coerces text with a parser, turning any parse failure into a message naming the
	 * expected format.
	 */
	private abstract static class TextCoercing<T> implements Coercing<T, String> {

		private final String expected;

		TextCoercing(String expected) {
			this.expected = expected;
		}

		abstract T parse(String text);

		abstract String format(T value);

		abstract Class<T> type();

		@Override
		public String serialize(Object value, GraphQLContext context, Locale locale) {
			if (type().isInstance(value)) {
				return format(type().cast(value));
			}
			throw new CoercingSerializeException("Expected a " + type().getSimpleName() + " but got " + value);
		}

		@Override
		public T parseValue(Object input, GraphQLContext context, Locale locale) {
			if (input instanceof String text) {
				T parsed = tryParse(text);
				if (parsed != null) {
					return parsed;
				}
			}
			throw new CoercingParseValueException(message(input));
		}

		@Override
		public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
			if (input instanceof StringValue text) {
				T parsed = tryParse(text.getValue());
				if (parsed != null) {
					return parsed;
				}
				throw new CoercingParseLiteralException(message(text.getValue()));
			}
			throw new CoercingParseLiteralException(message(input));
		}

		private T tryParse(String text) {
			try {
				return parse(text);
			}
			catch (DateTimeException ex) {
				return null;
			}
		}

		private String message(Object input) {
			return "'" + ((input instanceof Value<?>) ? input.getClass().getSimpleName() : input) + "' is not a valid "
					+ this.expected;
		}

	}

	private static final class DateCoercing extends TextCoercing<LocalDate> {

		DateCoercing() {
			super("Date: expected a UTC day written yyyy-MM-dd, for example 2026-11-20");
		}

		@Override
		LocalDate parse(String text) {
			return LocalDate.parse(text);
		}

		@Override
		String format(LocalDate value) {
			return value.toString();
		}

		@Override
		Class<LocalDate> type() {
			return LocalDate.class;
		}

	}

	private static final class DateTimeCoercing extends TextCoercing<Instant> {

		DateTimeCoercing() {
			super("DateTime: expected an ISO-8601 instant with offset, for example 2026-11-20T08:15:00Z");
		}

		@Override
		Instant parse(String text) {
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException ex) {
				return Instant.parse(text);
			}
		}

		@Override
		String format(Instant value) {
			return value.toString();
		}

		@Override
		Class<Instant> type() {
			return Instant.class;
		}

	}

	private static final class LongCoercing implements Coercing<Long, Long> {

		@Override
		public Long serialize(Object value, GraphQLContext context, Locale locale) {
			if (value instanceof Number number) {
				return number.longValue();
			}
			throw new CoercingSerializeException("Expected a number but got " + value);
		}

		@Override
		public Long parseValue(Object input, GraphQLContext context, Locale locale) {
			if (input instanceof Number number && number.doubleValue() == number.longValue()) {
				return number.longValue();
			}
			throw new CoercingParseValueException("'" + input + "' is not a valid Long: expected a whole number");
		}

		@Override
		public Long parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
			if (input instanceof IntValue value) {
				try {
					return value.getValue().longValueExact();
				}
				catch (ArithmeticException ex) {
					throw new CoercingParseLiteralException("'" + value.getValue() + "' does not fit a Long");
				}
			}
			throw new CoercingParseLiteralException("Expected a whole number for a Long");
		}

	}

}
