package io.deskgraph.system.limits;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import io.deskgraph.connector.AccountRegistry;
import io.deskgraph.usage.DateRange;
import io.deskgraph.usage.GlobalId;
import io.deskgraph.usage.InvalidArgumentException;
import io.deskgraph.usage.PlannedQuestion.Kind;
import io.deskgraph.usage.PlannedQuestion;
import io.deskgraph.usage.RankDimension;
import io.deskgraph.usage.UsageConnector;
import io.deskgraph.usage.Vendor;

import org.springframework.lang.Nullable;

/**
 * Estimates, before execution, how many vendor calls an operation causes: for every field
 * that asks vendors, each selected account's connector says how many calls its question
 * takes (windows × pages), nested {@code Desktop.usage} counts once per account and
 * window for all the desktops its parent returns (as the batch loader asks), the vendor
 * details of desktops named by id ({@code name}, {@code state}, {@code billingMode} ...
 * of {@code _entities} and of {@code desktopUsage} with {@code desktopIds}) count once
 * per account for all its desktops, and identical questions count once, as the request's
 * vendor-page cache shares them. Arguments a field will reject itself are left out: that
 * field makes no call.
 *
 * @author DeskGraph
 */
final class VendorCallEstimator {

	/** Root fields that ask vendors, with the question they ask. */
	private static final Map<String, Kind> ROOT_QUESTIONS = Map.of("desktopStatus", Kind.STATUS, "idleDesktops",
			Kind.IDLE, "desktopUsage", Kind.USAGE, "usageTrend", Kind.DAILY_USAGE, "usageRanking", Kind.RANKING,
			"desktopMetrics", Kind.DESKTOP_METRICS, "userMetrics", Kind.USER_METRICS, "exportTask", Kind.EXPORT_TASK,
			"startDesktopUsageExport", Kind.EXPORT);

	/**
	 * Root fields of cost advice: each asks every selected account for its inventory and
	 * its whole desktop usage ranking over the range.
	 */
	private static final Set<String> COST_FIELDS = Set.of("billingAdvice", "costSummary");

	/** The Desktop fields a desktop named by id asks its vendor for. */
	private static final List<String> DETAIL_FIELDS = List.of("name", "region", "state", "vendorState", "billingMode",
			"vendorBillingMode", "spec");

	private final Map<String, FragmentDefinition> fragments;

	private final ArgumentValues values;

	private final AccountRegistry accounts;

	private final LocalDate today;

	private final LocalDate earliest;

	/** Questions per account, with the results wanted of each. */
	private final Map<Plan, Integer> plans = new LinkedHashMap<>();

	/** The {@code Desktop.usage} fields found below each fragment. */
	private final Map<String, Set<UsageAsk>> fragmentAsks = new HashMap<>();

	private final Set<String> visiting = new HashSet<>();

	VendorCallEstimator(Map<String, FragmentDefinition> fragments, Map<String, Object> variables,
			AccountRegistry accounts, LocalDate today, LocalDate earliestToday, int maxRangeDays) {
		this.fragments = fragments;
		this.values = new ArgumentValues(variables);
		this.accounts = accounts;
		this.today = today;
		this.earliest = earliestToday.minusDays(maxRangeDays);
	}

	/**
	 * Estimates the vendor calls of an operation.
	 * @param selectionSet the operation's selection set
	 * @return the estimated number of vendor calls
	 */
	long estimate(SelectionSet selectionSet) {
		for (Field field : rootFields(selectionSet, new HashSet<>())) {
			planRootField(field);
		}
		long calls = 0;
		for (Map.Entry<Plan, Integer> entry : this.plans.entrySet()) {
			Plan plan = entry.getKey();
			calls += plan.connector()
				.plannedCalls(new PlannedQuestion(plan.kind(), plan.range(), plan.by(), entry.getValue(),
						plan.withPoints(), plan.byIds()));
		}
		return calls;
	}

	private List<Field> rootFields(SelectionSet selectionSet, Set<String> spreads) {
		List<Field> fields = new ArrayList<>();
		for (Selection<?> selection : selectionSet.getSelections()) {
			if (selection instanceof Field field) {
				fields.add(field);
			}
			else if (selection instanceof InlineFragment inline) {
				fields.addAll(rootFields(inline.getSelectionSet(), spreads));
			}
			else if (selection instanceof FragmentSpread spread && spreads.add(spread.getName())
					&& this.fragments.get(spread.getName()) != null) {
				fields.addAll(rootFields(this.fragments.get(spread.getName()).getSelectionSet(), spreads));
			}
		}
		return fields;
	}

	private void planRootField(Field field) {
		String name = field.getName();
		if (name.equals("_entities")) {
			planEntities(field);
			return;
		}
		if (COST_FIELDS.contains(name)) {
			planCost(field);
			return;
		}
		Kind kind = ROOT_QUESTIONS.get(name);
		if (kind == null) {
			return;
		}
		try {
			List<UsageConnector> selected = selected(field, kind);
			DateRange range = (kind == Kind.STATUS || kind == Kind.IDLE || kind == Kind.EXPORT_TASK) ? null
					: range(argument(field, (kind == Kind.EXPORT) ? "input" : "range"), kind == Kind.EXPORT);
			if (range == null && kind != Kind.STATUS && kind != Kind.IDLE && kind != Kind.EXPORT_TASK) {
				return;
			}
			int first = first(field);
			RankDimension by = (kind == Kind.RANKING) ? rankDimension(resolve(argument(field, "by"))) : null;
			boolean withPoints = kind == Kind.USAGE && selects(field.getSelectionSet(), "edges", "node", "points");
			for (UsageConnector connector : selected) {
				plan(new Plan(connector, kind, range, by, withPoints, false), first, false);
			}
			Set<UsageAsk> asks = usageAsks(field.getSelectionSet());
			for (UsageAsk ask : asks) {
				for (UsageConnector connector : selected) {
					plan(new Plan(connector, Kind.USAGE, ask.range(), null, ask.withPoints(), true), first, true);
				}
			}
			if (kind == Kind.USAGE && selectsDetails(field.getSelectionSet(), "edges", "node", "desktop")) {
				planDetails(strings(resolve(argument(field, "desktopIds"))), selected);
			}
		}
		catch (InvalidArgumentException ex) {
			// The field rejects its own arguments before asking any vendor.
		}
	}

	/**
	 * The questions of {@code billingAdvice} and {@code costSummary}: per selected
	 * account one inventory and one desktop ranking drained whole ({@code count}
	 * {@link PlannedQuestion#ALL}, which each connector estimates from what it knows of
	 * the account's size), plus the nested {@code Desktop.usage} of the advised desktops.
	 */
	private void planCost(Field field) {
		try {
			List<UsageConnector> selected = selected(field, Kind.RANKING);
			DateRange range = range(argument(field, "range"), false);
			if (range == null) {
				return;
			}
			for (UsageConnector connector : selected) {
				plan(new Plan(connector, Kind.INVENTORY, null, null, false, false), 1, false);
				plan(new Plan(connector, Kind.RANKING, range, RankDimension.DESKTOP, false, false), PlannedQuestion.ALL,
						false);
			}
			int first = first(field);
			for (UsageAsk ask : usageAsks(field.getSelectionSet())) {
				for (UsageConnector connector : selected) {
					plan(new Plan(connector, Kind.USAGE, ask.range(), null, ask.withPoints(), true), first, true);
				}
			}
		}
		catch (InvalidArgumentException ex) {
			// The field rejects its own arguments before asking any vendor.
		}
	}

	private void planEntities(Field field) {
		if (!(resolve(argument(field, "representations")) instanceof Collection<?> representations)) {
			return;
		}
		Map<String, Integer> desktopsPerAccount = new LinkedHashMap<>();
		for (Object representation : representations) {
			if (representation instanceof Map<?, ?> map && "Desktop".equals(map.get("__typename"))
					&& map.get("id") instanceof String id) {
				try {
					desktopsPerAccount.merge(GlobalId.parse(id, "id").accountId(), 1, Integer::sum);
				}
				catch (InvalidArgumentException ex) {
					// resolved to an error per entity, without vendor calls
				}
			}
		}
		if (selectsDetails(field.getSelectionSet()) || selectsDetails(field.getSelectionSet(), "usage", "desktop")) {
			desktopsPerAccount.forEach((accountId, count) -> {
				if (this.accounts.contains(accountId)) {
					plan(new Plan(this.accounts.get(accountId, "id"), Kind.DESKTOPS, null, null, false, true), count,
							true);
				}
			});
		}
		for (UsageAsk ask : usageAsks(field.getSelectionSet())) {
			desktopsPerAccount.forEach((accountId, count) -> {
				if (this.accounts.contains(accountId)) {
					plan(new Plan(this.accounts.get(accountId, "id"), Kind.USAGE, ask.range(), null, ask.withPoints(),
							true), count, true);
				}
			});
		}
	}

	/**
	 * The detail lookups of the desktops a {@code desktopUsage} names by id: one question
	 * per selected account for the ids of that account.
	 */
	private void planDetails(@Nullable Collection<String> desktopIds, List<UsageConnector> selected) {
		if (desktopIds == null) {
			return;
		}
		Map<String, Integer> perAccount = new LinkedHashMap<>();
		for (String id : new LinkedHashSet<>(desktopIds)) {
			perAccount.merge(GlobalId.parse(id, "desktopIds").accountId(), 1, Integer::sum);
		}
		for (UsageConnector connector : selected) {
			Integer count = perAccount.get(connector.account().id());
			if (count != null) {
				plan(new Plan(connector, Kind.DESKTOPS, null, null, false, true), count, true);
			}
		}
	}

	/**
	 * Whether a selection reaches, by a path of field names, a Desktop field of its
	 * vendor's.
	 */
	private boolean selectsDetails(@Nullable SelectionSet selectionSet, String... path) {
		for (String detail : DETAIL_FIELDS) {
			String[] full = Arrays.copyOf(path, path.length + 1);
			full[path.length] = detail;
			if (selects(selectionSet, full)) {
				return true;
			}
		}
		return false;
	}

	private void plan(Plan plan, int count, boolean sum) {
		this.plans.merge(plan, count, sum ? Integer::sum : Math::max);
	}

	private List<UsageConnector> selected(Field field, Kind kind) {
		if (kind == Kind.EXPORT_TASK) {
			Object id = resolve(argument(field, "id"));
			return (id instanceof String text)
					? List.of(this.accounts.get(GlobalId.parse(text, "id").accountId(), "id")) : List.of();
		}
		if (kind == Kind.EXPORT) {
			Object input = resolve(argument(field, "input"));
			return (input instanceof Map<?, ?> map && map.get("accountId") instanceof String id)
					? List.of(this.accounts.get(id, "input.accountId")) : List.of();
		}
		Collection<Vendor> vendors = vendors(resolve(argument(field, "vendors")));
		Collection<String> accountIds = strings(resolve(argument(field, "accountIds")));
		Collection<String> desktopIds = strings(resolve(argument(field, "desktopIds")));
		if (desktopIds != null && !desktopIds.isEmpty()) {
			Set<String> owners = new LinkedHashSet<>();
			for (String id : desktopIds) {
				owners.add(GlobalId.parse(id, "desktopIds").accountId());
			}
			accountIds = (accountIds != null) ? accountIds.stream().filter(owners::contains).toList()
					: List.copyOf(owners);
		}
		return this.accounts.select(vendors, accountIds);
	}

	/**
	 * The {@code Desktop.usage} fields below a selection: their ranges and whether they
	 * ask for points.
	 */
	private Set<UsageAsk> usageAsks(@Nullable SelectionSet selectionSet) {
		Set<UsageAsk> asks = new LinkedHashSet<>();
		if (selectionSet == null) {
			return asks;
		}
		for (Selection<?> selection : selectionSet.getSelections()) {
			if (selection instanceof Field field) {
				if (field.getName().equals("usage") && argument(field, "range") != null) {
					DateRange range = range(argument(field, "range"), false);
					if (range != null) {
						asks.add(new UsageAsk(range, selects(field.getSelectionSet(), "points")));
					}
				}
				else {
					asks.addAll(usageAsks(field.getSelectionSet()));
				}
			}
			else if (selection instanceof InlineFragment inline) {
				asks.addAll(usageAsks(inline.getSelectionSet()));
			}
			else if (selection instanceof FragmentSpread spread) {
				asks.addAll(fragmentAsks(spread.getName()));
			}
		}
		return asks;
	}

	private Set<UsageAsk> fragmentAsks(String name) {
		Set<UsageAsk> known = this.fragmentAsks.get(name);
		if (known != null) {
			return known;
		}
		FragmentDefinition definition = this.fragments.get(name);
		if (definition == null || !this.visiting.add(name)) {
			return Set.of();
		}
		Set<UsageAsk> asks = usageAsks(definition.getSelectionSet());
		this.visiting.remove(name);
		this.fragmentAsks.put(name, asks);
		return asks;
	}

	/** Whether a selection reaches a field by a path of field names. */
	private boolean selects(@Nullable SelectionSet selectionSet, String... path) {
		return selects(selectionSet, path, 0, new HashSet<>());
	}

	private boolean selects(@Nullable SelectionSet selectionSet, String[] path, int index, Set<String> spreads) {
		if (selectionSet == null) {
			return false;
		}
		for (Selection<?> selection : selectionSet.getSelections()) {
			if (selection instanceof Field field && field.getName().equals(path[index])
					&& (index == path.length - 1 || selects(field.getSelectionSet(), path, index + 1, spreads))) {
				return true;
			}
			if (selection instanceof InlineFragment inline && selects(inline.getSelectionSet(), path, index, spreads)) {
				return true;
			}
			if (selection instanceof FragmentSpread spread && spreads.add(spread.getName() + "@" + index)
					&& this.fragments.get(spread.getName()) != null
					&& selects(this.fragments.get(spread.getName()).getSelectionSet(), path, index, spreads)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A day range argument as the field will use it (cut at today), or {@code null} when
	 * the field will reject it.
	 */
	@Nullable
	private DateRange range(@Nullable Argument argument, boolean insideInput) {
		Object value = resolve(argument);
		if (insideInput && value instanceof Map<?, ?> input) {
			value = input.get("range");
		}
		if (!(value instanceof Map<?, ?> map)) {
			return null;
		}
		LocalDate from = day(map.get("from"));
		LocalDate to = day(map.get("to"));
		if (from == null || to == null || from.isAfter(to) || from.isAfter(this.today)
				|| from.isBefore(this.earliest)) {
			return null;
		}
		return new DateRange(from, to.isAfter(this.today) ? this.today : to);
	}

	@Nullable
	private static LocalDate day(@Nullable Object value) {
		if (value instanceof LocalDate date) {
			return date;
		}
		if (value instanceof String text) {
			try {
				return LocalDate.parse(text);
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}
		return null;
	}

	private int first(Field field) {
		Object value = resolve(argument(field, "first"));
		int first = (value instanceof Number number) ? number.intValue() : QueryAnalyzer.DEFAULT_FIRST;
		return Math.max(1, Math.min(QueryAnalyzer.MAX_FIRST, first));
	}

	private static RankDimension rankDimension(@Nullable Object value) {
		return "USER".equals(String.valueOf(value)) ? RankDimension.USER : RankDimension.DESKTOP;
	}

	@Nullable
	private static Collection<Vendor> vendors(@Nullable Object value) {
		Collection<String> names = strings(value);
		if (names == null) {
			return null;
		}
		List<Vendor> vendors = new ArrayList<>();
		for (String name : names) {
			try {
				vendors.add(Vendor.valueOf(name.toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidArgumentException("vendors", "unknown vendor " + name);
			}
		}
		return vendors;
	}

	@Nullable
	private static Collection<String> strings(@Nullable Object value) {
		return ArgumentValues.strings(value);
	}

	@Nullable
	private static Argument argument(Field field, String name) {
		return ArgumentValues.argument(field, name);
	}

	@Nullable
	private Object resolve(@Nullable Argument argument) {
		return (argument != null) ? this.values.plain(argument.getValue()) : null;
	}

	/**
	 * One question to one account, whatever the number of results wanted.
	 */
	private record Plan(UsageConnector connector, Kind kind, @Nullable DateRange range, @Nullable RankDimension by,
			boolean withPoints, boolean byIds) {
	}

	/**
	 * One {@code Desktop.usage} field: its days and whether it asks for points.
	 */
	private record UsageAsk(DateRange range, boolean withPoints) {
	}

}
