package io.deskgraph.cost;

import java.util.List;

import io.deskgraph.usage.Account;

/**
 * The advice on every desktop of one account that answered.
 *
 * @param account the account
 * @param advice one advice per desktop
 * @author DeskGraph
 */
public record AccountAdvice(Account account, List<BillingAdvice> advice) {

}
