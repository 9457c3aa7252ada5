declare module 'virtual:guild-colors.css';
