package org.tanji.core.units;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An exchange rate the study gives: one of {@code currency} is worth {@code rate}
 * ({@code USD: 7.10 CNY} reads "1 USD = 7.10 CNY"). Tanji knows no rates of its own, so money
 * in one currency meets a factor per another only through a rate like this.
 *
 * @param currency the currency priced: the unit table's entry for the key ({@code USD} for {@code US$}),
 *     or the key itself for a multiple ({@code 万元})
 * @param rate what one of it is worth in another currency, as typed
 * @throws IllegalArgumentException when either is no money, the rate is not positive, or both are
 *     the same currency (the reader turns each into a finding before it gets here)
 */
public record ExchangeRate(Unit currency, Quantity rate) {

  public ExchangeRate {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(rate, "rate");
    if (!currency.dimension().isMoney() || !rate.dimension().isMoney()) {
      throw new IllegalArgumentException("an exchange rate is between currencies: " + currency.symbol() + ": " + rate);
    }
    if (!(rate.value() > 0)) {
      throw new IllegalArgumentException("an exchange rate must be positive: " + rate);
    }
    if (currency.dimension().equals(rate.dimension())) {
      throw new IllegalArgumentException("an exchange rate needs two currencies: " + currency.symbol() + ": " + rate);
    }
  }

  /** A rate from the key's symbol (a unit of money) and the rate's text; both must parse. */
  public static ExchangeRate of(String currency, String rate) {
    return new ExchangeRate(Units.parseUnit(currency), Units.parseQuantity(rate));
  }

  /** True when this rate links the two currencies, in either direction. */
  public boolean links(Dimension a, Dimension b) {
    Dimension from = currency.dimension();
    Dimension to = rate.dimension();
    return from.equals(a) && to.equals(b) || from.equals(b) && to.equals(a);
  }

  /**
   * What one base unit of {@code from} (1 CNY, 1 USD) is worth in base units of the other
   * currency: the rate itself from the priced currency, its inverse the other way.
   *
   * @throws IllegalArgumentException when {@code from} is neither of the two currencies
   */
  public double multiplier(Dimension from) {
    double forward = rate.inBase() / currency.scale();
    if (from.equals(currency.dimension())) {
      return forward;
    }
    if (from.equals(rate.dimension())) {
      return 1 / forward;
    }
    throw new IllegalArgumentException("the rate " + this + " does not convert from " + from);
  }

  /** The rate among {@code rates} that links two currencies, if the study gives one. */
  public static Optional<ExchangeRate> between(List<ExchangeRate> rates, Dimension a, Dimension b) {
    return rates.stream().filter(r -> r.links(a, b)).findFirst();
  }

  /**
   * The rate a spend-based line computes with: when {@code amount} is money in another currency
   * than the one {@code factor} is per, the rate among {@code rates} between the two, if the study
   * gives one; empty when no currencies meet or no rate links them (a mass against a factor per
   * yuan finds none: a rate links currencies only).
   */
  public static Optional<ExchangeRate> forLine(List<ExchangeRate> rates, Quantity amount, Quantity factor) {
    Dimension needed = Dimension.CO2E.dividedBy(factor.dimension());
    return amount.dimension().equals(needed) ? Optional.empty() : between(rates, amount.dimension(), needed);
  }

  /** As the study writes it: {@code USD: 7.10 CNY}. */
  @Override
  public String toString() {
    return currency.symbol() + ": " + rate.text();
  }
}
