/**
 * What a company does, as a lawyer would tick it on an intake form; mapped to roles and topics by the legal map. Kept
 * free of imports so that the explorer's briefing form reads the same list as the API validates.
 */
export const ACTIVITIES = [
  "foundation_models",
  "open_weights",
  "model_api",
  "consumer_chatbot",
  "image_video_generation",
  "devices_robots",
  "processes_target_residents_data",
  "high_risk_systems",
] as const;
