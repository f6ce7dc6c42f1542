// What the lab's chat needs only once the learner writes, imported then (labChat.ts): the
// conversation's state machine with the built-in tutor behind it (its course search, number
// reading and statistics), the prompt for the learner's model, and the end-of-lab summary.
// The chat shows its messages and takes typing without it.
export { step } from "./labConversation.js";
export { modelMessages } from "./labPrompt.js";
export { summarise } from "./tutor.js";
export { createTutorContext } from "./tutorContext.js";
