package io.deskgraph.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of one currency, rounded half up to two decimals; amounts of different
 * currencies are never added.
 *
 * @param amount the amount, with exactly two decimals
 * @param currency the ISO 4217 code
 * @author DeskGraph
 */
public record Money(BigDecimal amount, String currency) {

	/**
	 * Rounds the amount to two decimals.
	 * @param amount the amount
	 * @param currency the ISO 4217 code
	 */
	public Money {
		amount = amount.setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * Zero of a currency.
	 * @param currency the ISO 4217 code
	 * @return zero
	 */
	public static Money zero(String currency) {
		return new Money(BigDecimal.ZERO, currency);
	}

	/**
	 * Adds an amount of the same currency.
	 * @param other the amount to add
	 * @return the sum
	 * @throws IllegalArgumentException if the currencies differ
	 */
	public Money plus(Money other) {
		return new Money(this.amount.add(sameCurrency(other).amount), this.currency);
	}

	/**
	 * Subtracts an amount of the same currency.
	 * @param other the amount to subtract
	 * @return the difference
	 * @throws IllegalArgumentException if the currencies differ
	 */
	public Money minus(Money other) {
		return new Money(this.amount.subtract(sameCurrency(other).amount), this.currency);
	}

	private Money sameCurrency(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException("never adds " + this.currency + " and " + other.currency);
		}
		return other;
	}

}
