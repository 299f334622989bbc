// The languages the bot answers in, and which one a Discord locale (`interaction.locale`) gets.
export const LOCALES = ['en', 'de', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** `en-US`, `en-GB` -> en, `de` -> de, `fr` -> fr; any other (or none) -> en. Region tags (`de-CH`) count as their language. */
export function localeOf(discordLocale: string | null | undefined): Locale {
  const language = discordLocale?.split('-', 1)[0]?.toLowerCase();
  return LOCALES.find((locale) => locale === language) ?? 'en';
}
