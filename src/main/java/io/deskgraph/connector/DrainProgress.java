package io.deskgraph.connector;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far a drain got and how far it may go: the pages fetched, the pages it expects in
 * all (as its first page's total count told, or as earlier drains of its kind took), and
 * its page budget, sized from that total.
 *
 * @author DeskGraph
 */
public final class DrainProgress {

	private final AtomicInteger pages = new AtomicInteger();

	private volatile int expectedPages;

	private volatile int budget;

	private volatile boolean totalKnown;

	DrainProgress(int expectedPages, int maxPagesWithoutTotal) {
		this.expectedPages = Math.max(1, expectedPages);
		this.budget = maxPagesWithoutTotal;
	}

	/**
	 * Notes one more page fetched.
	 * @return the pages fetched so far, this one included
	 */
	public int page() {
		return this.pages.incrementAndGet();
	}

	/**
	 * Notes how many items the drain takes in all, once its first page has told: the
	 * drain expects as many pages and may take a quarter more (and two), for items added
	 * while it pages.
	 * @param totalItems the total count of items the vendor reported
	 * @param pageSize the items per page
	 */
	public void expectItems(long totalItems, int pageSize) {
		long expected = Math.max(1, (Math.max(0, totalItems) + pageSize - 1) / pageSize);
		this.expectedPages = (int) Math.min(Integer.MAX_VALUE, expected);
		this.budget = (int) Math.min(Integer.MAX_VALUE, expected + expected / 4 + 2);
		this.totalKnown = true;
	}

	/**
	 * Whether the drain may fetch one more page within its budget: the pages its total
	 * count announced and a margin, or {@code deskgraph.drains.max-pages-without-total}
	 * while no total is known.
	 * @return true while under the budget
	 */
	public boolean mayFetchMore() {
		return this.pages.get() < this.budget;
	}

	/**
	 * The most pages this drain may fetch.
	 * @return the page budget
	 */
	public int budget() {
		return this.budget;
	}

	/**
	 * Why the drain may take no more pages, for the error that says so.
	 * @return the budget and where it came from
	 */
	public String budgetReason() {
		return this.totalKnown ? this.budget + " pages, a quarter more than its total count announced"
				: this.budget + " pages (deskgraph.drains.max-pages-without-total)";
	}

	/**
	 * The pages fetched so far.
	 * @return the count
	 */
	public int pages() {
		return this.pages.get();
	}

	/**
	 * The pages the drain expects in all.
	 * @return the count, at least the pages fetched so far
	 */
	public int expectedPages() {
		return Math.max(this.expectedPages, this.pages.get());
	}

}
