/** Word lists for seed data: realistic, with accents and apostrophes, as real ledgers have. */
export const firstNames = [
  'Olivia', 'Liam', 'Amelia', 'Noah', 'Isla', 'Jack', 'Mia', 'Oliver', 'Charlotte', 'William', 'Ava', 'James',
  'Sophie', 'Lucas', 'Grace', 'Leo', 'Zoë', 'Mateo', 'Chloé', 'Hemi', 'Aroha', 'Nikau', 'Anahera', 'Tane',
  'Priya', 'Arjun', 'Mei', 'Hiroshi', 'Yuki', 'Fatima', 'Omar', 'Ingrid', 'Søren', 'Åsa', 'Björn', 'José',
  'María', 'Renée', 'François', 'Siobhán', 'Seán', 'Łukasz', 'Zoltán', 'Ngaio', 'Tama', 'Eilidh', 'Ruairí',
];

export const lastNames = [
  'Smith', 'Williams', 'Brown', 'Wilson', 'Taylor', 'Anderson', 'Thompson', 'Walker', 'Harris', 'Martin',
  'Ngata', 'Parata', 'Te Rangi', 'Patel', 'Singh', 'Chen', 'Wang', 'Nguyen', 'Tanaka', 'Sato', 'Kim',
  "O'Brien", "O'Connor", 'MacDonald', 'Müller', 'Schröder', 'Øverland', 'Ångström', 'García', 'Núñez',
  'Dubois', 'Lefèvre', 'Kowalski', 'Novák', 'Horváth', 'Rossi', 'Bianchi', 'de Vries', 'van der Berg',
];

export const companyWords = [
  'Harbour', 'Kauri', 'Summit', 'Southern', 'Pacific', 'Tasman', 'Alpine', 'Coastal', 'Silver Fern',
  'Northern', 'Copper', 'Granite', 'Meadow', 'Rata', 'Pohutukawa', 'Cedar', 'Riverbend', 'Lakeside',
  'Blue Peak', 'Iron Bark', 'Golden Bay', 'Kiwi', 'Tui', 'Matai', 'Totara', 'Beacon', 'Anchor', 'Orchard',
];

export const companyTrades = [
  'Plumbing', 'Electrical', 'Coffee Roasters', 'Landscaping', 'Accounting', 'Joinery', 'Print House',
  'Logistics', 'Bakery', 'Builders', 'Design Studio', 'Engineering', 'Catering', 'Motors', 'Software',
  'Physio', 'Vineyards', 'Dental', 'Legal', 'Cleaning', 'Consulting', 'Brewing Co', 'Freight', 'Florists',
];

export const companySuffixes = ['Ltd', 'Limited', 'Pty Ltd', 'LLC', 'Inc', '& Co', 'Group', 'Trust', ''];

export const cities: [string, string][] = [
  ['Wellington', 'New Zealand'], ['Auckland', 'New Zealand'], ['Christchurch', 'New Zealand'],
  ['Sydney', 'Australia'], ['Melbourne', 'Australia'], ['Brisbane', 'Australia'], ['London', 'United Kingdom'],
  ['Manchester', 'United Kingdom'], ['Edinburgh', 'United Kingdom'], ['Toronto', 'Canada'], ['Austin', 'United States'],
];

/** Names that break naive query building: quotes, backslashes, `&&`, and accents. */
export const trickyContactNames = [
  "O'Brien & Sons Ltd",
  '"Quoted" Trading Co',
  'Back\\slash Analytics',
  'A && B Partners',
  'Zoë Ångström Design',
  'Müller & Søn GmbH',
  'Name.Contains("x") Ltd',
];
