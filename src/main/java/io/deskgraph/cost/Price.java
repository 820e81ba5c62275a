package io.deskgraph.cost;

import java.math.BigDecimal;

/**
 * The list price a desktop is judged by, from the catalogue.
 *
 * @param monthly the subscription price of a month
 * @param hourly the pay-as-you-go price of an hour in use
 * @param idleMonthly what a pay-as-you-go desktop costs per month while unused
 * @param currency the ISO 4217 code of the three amounts
 * @param accountSpecific whether the price is the account's own rather than the
 * vendor-wide one
 * @author DeskGraph
 */
public record Price(BigDecimal monthly, BigDecimal hourly, BigDecimal idleMonthly, String currency,
		boolean accountSpecific) {

}
