/** The daily run of `energy.forecast` (read in DIHYA_TIMEZONE), shown on the forecast page. */
export const forecastCron = "30 2 * * *";
