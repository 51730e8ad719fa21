package io.github.pqlconnector.demo;

import java.util.Locale;

/** The vocabularies the demo draws from: company names, people, countries, plans, channels, integrations. */
final class DemoNames {
  /** A handful of realistic-looking (invented) companies, mixed in among the numbered ones. */
  static final String[][] COMPANIES = {
    {"Northwind Traders", "northwind.com"}, {"Bluebird Analytics", "bluebird-analytics.io"},
    {"Copperleaf Health", "copperleaf.health"}, {"Halcyon Robotics", "halcyonrobotics.com"},
    {"Meridian Freight", "meridianfreight.co"}, {"Juniper & Finch", "juniperfinch.com"},
    {"Lumen Bank", "lumenbank.eu"}, {"Orbital Kitchens", "orbitalkitchens.com"},
    {"Quarry Labs", "quarrylabs.dev"}, {"Saltmarsh Media", "saltmarsh.media"},
    {"Tidewater Energy", "tidewater-energy.com"}, {"Vantage Point Realty", "vantagepoint.re"},
    {"Wildfern Studio", "wildfern.studio"}, {"Kestrel Security", "kestrelsec.com"},
    {"Larkspur Legal", "larkspurlegal.com"}, {"Brightwell Schools", "brightwell.edu"},
    {"Cobalt Mobility", "cobaltmobility.io"}, {"Everpine Foods", "everpine.com"},
    {"Foxglove Games", "foxglove.gg"}, {"Granite Peak Capital", "granitepeak.vc"},
  };
  static final String[] STEMS = {
    "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne", "Tyrell", "Soylent",
    "Cyberdyne", "Oscorp", "Wonka", "Aperture", "Massive", "Gringotts",
  };
  static final String[] TLDS = {"io", "com", "co", "dev", "app", "ai"};
  static final String[] INDUSTRIES = {
    "Software", "Financial Services", "Healthcare", "Retail", "Education", "Manufacturing", "Media",
    "Logistics", "Real Estate", "Consulting", "Energy", "Nonprofit",
  };
  static final String[] COUNTRIES = {"US", "GB", "DE", "FR", "CA", "NL", "AU", "IN", "BR", "ES", "SE", "PL", "JP"};
  static final double[] COUNTRY_WEIGHTS = DemoRandom.cumulative(38, 12, 9, 6, 6, 4, 4, 6, 4, 3, 3, 3, 2);
  static final String[] FIRST = {
    "jane", "john", "maria", "li", "ahmed", "sofia", "lucas", "emma", "noah", "olivia", "mateo", "aisha",
    "yuki", "david", "sara", "tom", "nina", "omar", "chloe", "ivan", "priya", "leo", "mia", "kofi", "anna",
    "ben", "elena", "raj", "zoe", "felix",
  };
  static final String[] LAST = {
    "doe", "smith", "garcia", "chen", "khan", "rossi", "silva", "muller", "novak", "kim", "patel", "brown",
    "tanaka", "nguyen", "jones", "dubois", "larsen", "okafor", "cohen", "lopez", "walker", "ivanova",
    "schmidt", "moreau", "sato", "taylor", "weber", "costa", "young", "hall",
  };
  static final String[] TITLES = {
    "Software Engineer", "Product Manager", "Designer", "Marketing Manager", "Account Executive",
    "Customer Success Manager", "Operations Lead", "Data Analyst", "Engineering Manager", "CTO", "CEO",
    "Head of Sales", "Support Specialist", "Founder",
  };
  static final double[] TITLE_WEIGHTS = DemoRandom.cumulative(20, 10, 8, 8, 8, 7, 6, 7, 6, 2, 2, 3, 8, 3);
  static final String[] PERSONAL_DOMAINS = {"gmail.com", "yahoo.com", "outlook.com", "hotmail.com"};
  static final String[] CHANNELS = {"general", "random", "product", "engineering", "sales", "support", "design"};
  static final double[] CHANNEL_WEIGHTS = DemoRandom.cumulative(30, 12, 18, 20, 8, 7, 5);
  static final String[] PATHS = {"/home", "/docs", "/search", "/templates", "/settings", "/billing"};
  static final double[] PATH_WEIGHTS = DemoRandom.cumulative(40, 30, 12, 10, 6, 2);
  static final String[] INTEGRATIONS = {"slack", "github", "jira", "gdrive", "zapier", "figma"};
  static final String[] SIGNUP_SOURCES = {"organic", "invite", "ads", "referral"};

  private DemoNames() {}

  /** "Acme 7" for account 7, and its domain "acme-7.io". */
  static String numberedName(int account) {
    return STEMS[account % STEMS.length] + " " + account;
  }

  static String numberedDomain(int account) {
    String stem = STEMS[account % STEMS.length].toLowerCase(Locale.ROOT);
    return stem + "-" + account + "." + TLDS[(account / STEMS.length) % TLDS.length];
  }
}
