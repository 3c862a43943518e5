// Name pools for a plausible Los Angeles district; invented people, real-sounding places.

export const FIRST_NAMES = [
  "Maria", "Jose", "Sofia", "Daniel", "Isabella", "Angel", "Camila", "David", "Valeria", "Luis",
  "Ximena", "Carlos", "Emily", "Jesus", "Ashley", "Juan", "Jennifer", "Miguel", "Alejandra", "Anthony",
  "Jasmine", "Christopher", "Andrea", "Diego", "Natalie", "Kevin", "Leslie", "Brian", "Stephanie", "Jonathan",
  "Vanessa", "Adrian", "Michelle", "Oscar", "Daisy", "Eduardo", "Karen", "Fernando", "Evelyn", "Ricardo",
  "Guadalupe", "Francisco", "Yesenia", "Javier", "Brenda", "Alexander", "Gabriela", "Joshua", "Melanie", "Samuel",
  "Aaliyah", "Jaylen", "Imani", "Malik", "Destiny", "Marcus", "Keisha", "Andre", "Tiana", "Darnell",
  "Min-jun", "Ji-woo", "Seo-yeon", "Hyun", "Wei", "Mei", "Jun", "Lin", "Hiroshi", "Yuki",
  "Thanh", "Linh", "Minh", "Mai", "Nguyen", "Arman", "Ani", "Narek", "Lilit", "Aram",
  "Rafael", "Lucia", "Mateo", "Elena", "Gabriel", "Paola", "Emmanuel", "Ariana", "Isaac", "Noemi",
  "Sarah", "Michael", "Jessica", "Robert", "Amanda", "William", "Rachel", "James", "Laura", "Thomas",
  "Priya", "Arjun", "Fatima", "Omar", "Leila", "Yusuf", "Grace", "Joseph", "Rosa", "Manuel",
];

export const LAST_NAMES = [
  "Garcia", "Hernandez", "Lopez", "Martinez", "Gonzalez", "Rodriguez", "Perez", "Sanchez", "Ramirez", "Flores",
  "Torres", "Rivera", "Gomez", "Diaz", "Cruz", "Morales", "Reyes", "Gutierrez", "Ortiz", "Castillo",
  "Ruiz", "Alvarez", "Mendoza", "Vasquez", "Jimenez", "Romero", "Herrera", "Medina", "Aguilar", "Vargas",
  "Castro", "Guzman", "Munoz", "Salazar", "Delgado", "Navarro", "Contreras", "Ramos", "Chavez", "Estrada",
  "De La Cruz", "Del Rio", "Villanueva", "Cervantes", "Avila", "Zamora", "Ochoa", "Figueroa", "Ibarra", "Orozco",
  "Johnson", "Williams", "Brown", "Jones", "Davis", "Miller", "Wilson", "Anderson", "Thomas", "Jackson",
  "White", "Harris", "Martin", "Thompson", "Robinson", "Clark", "Lewis", "Walker", "Young", "Allen",
  "Washington", "Jefferson", "Coleman", "Brooks", "Bryant", "Hayes", "Freeman", "Simmons", "Dixon", "Mitchell",
  "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Chen", "Wang",
  "Liu", "Zhang", "Huang", "Wong", "Nguyen", "Tran", "Pham", "Le", "Vo", "Tanaka",
  "Nakamura", "Yamamoto", "Santos", "Reyes-Cruz", "Bautista", "Mendoza-Lee", "Dela Rosa", "Aquino", "Villareal", "Soriano",
  "Petrosyan", "Sargsyan", "Hakobyan", "Grigoryan", "Harutyunyan", "Avetisyan", "Patel", "Shah", "Khan", "Ahmed",
  "O'Brien", "O'Connor", "Murphy", "Sullivan", "Cohen", "Levy", "Friedman", "Schwartz", "Rossi", "Moreno",
];

/** Namesakes: civic figures and local history (school names only). */
export const SCHOOL_PEOPLE = [
  "Mary McLeod Bethune", "Cesar Chavez", "Dolores Huerta", "Thomas Bradley", "Ralph Bunche", "Jackie Robinson",
  "Amelia Earhart", "Sally Ride", "Eleanor Roosevelt", "Frederick Douglass", "Harriet Tubman", "Sojourner Truth",
  "George Washington Carver", "John Muir", "Luther Burbank", "Jack London", "Helen Keller", "Clara Barton",
  "Susan B. Anthony", "Rosa Parks", "Martin Luther King Jr.", "Thurgood Marshall", "Paul Revere", "Abraham Lincoln",
  "Theodore Roosevelt", "Franklin D. Roosevelt", "John F. Kennedy", "Robert F. Kennedy", "Benjamin Franklin",
  "Thomas Jefferson", "James Madison", "Ulysses S. Grant", "John Adams", "Andrew Carnegie", "Booker T. Washington",
  "Langston Hughes", "Maya Angelou", "Zora Neale Hurston", "Mark Twain", "Walt Whitman", "Louisa May Alcott",
  "Albert Einstein", "Marie Curie", "Galileo", "Isaac Newton", "Charles Drew", "Daniel Webster", "Horace Mann",
  "Juan Rodriguez Cabrillo", "Gaspar de Portola", "Junipero Serra", "Pio Pico", "Ygnacio Sepulveda", "Antonio Coronel",
  "Biddy Mason", "Leo Politi", "Ritchie Valens", "Anthony Quinn", "Edward R. Roybal", "Gabriela Mistral",
  "Sonia Sotomayor", "Frida Kahlo", "Diego Rivera", "Octavio Paz", "Jose Marti", "Simon Bolivar", "Benito Juarez",
  "Miguel Contreras", "Manuel Arts", "Vaughn", "Dorsey", "Crenshaw", "Hamilton", "Marshall", "Garfield",
  "Roosevelt", "Jordan", "Fremont", "Belmont", "Wilson", "Locke", "Carson", "Banning", "Gardena", "Narbonne",
  "Verdugo Hills", "Van Nuys", "Reseda", "Taft", "Kennedy", "Cleveland", "Grant", "Polytechnic", "Monroe",
  "Birmingham", "Chatsworth", "Canoga Park", "Granada Hills", "Sylmar", "San Fernando", "Panorama", "Arleta",
  "Pacoima", "Sun Valley", "Eagle Rock", "Highland Park", "El Sereno", "Boyle Heights", "Lincoln Heights",
  "Wilmington", "San Pedro", "Harbor City", "Venice", "Palms", "Westchester", "Hollywood", "Los Feliz",
  "Echo Park", "Silver Lake", "Mount Washington", "Glassell Park", "Cypress Park", "Watts", "Florence",
];

/** Streets used as "<Street> Avenue Elementary" and the like. */
export const SCHOOL_STREETS = [
  "Vermont", "Normandie", "Western", "Hoover", "Figueroa", "Alvarado", "Vine", "Gardner", "Cahuenga", "Wilton",
  "Arlington", "Budlong", "Menlo", "Raymond", "Denker", "Halldale", "Harvard", "Manhattan", "Wadsworth", "Compton",
  "Hooper", "Holmes", "Main", "Broadway", "San Pedro", "Central", "Avalon", "Stanford", "McKinley", "Griffith",
  "Sunset", "Fountain", "Melrose", "Beverly", "Olympic", "Pico", "Venice", "Washington", "Adams", "Jefferson",
  "Exposition", "Slauson", "Florence", "Manchester", "Century", "Imperial", "Gage", "Vernon", "Martin", "Hobart",
  "Kester", "Sepulveda", "Woodman", "Tujunga", "Laurel Canyon", "Coldwater Canyon", "Reseda", "Tarzana", "Lanai",
  "Welby Way", "Topanga", "Mulholland", "Nevada", "Hazeltine", "Sherman Oaks", "Saticoy", "Vanowen", "Victory",
  "Burbank", "Magnolia", "Chandler", "Riverside", "Glenfeliz", "Los Angeles", "Fletcher", "Mount Vernon", "Carlin",
  "Loma Vista", "Alta Loma", "Grand View", "Fair Oaks", "Valley View", "Canyon", "Brentwood", "Bellagio", "Kenter",
];

export const ELECTIVES = [
  "Art", "Music", "Spanish 1", "Computer Science", "Theater", "Dance", "Robotics", "Journalism", "Korean 1",
  "AVID", "Ceramics", "Photography",
];

/** Core course names by subject and grade (6-12); PE and one elective complete the six periods. */
export const SECONDARY_COURSES: Readonly<Record<"ENGLISH" | "MATH" | "SCIENCE" | "SOCIAL", readonly string[]>> = {
  ENGLISH: ["English 6", "English 7", "English 8", "English 9", "English 10", "American Literature", "Expository Reading and Writing"],
  MATH: ["Math 6", "Math 7", "Math 8", "Algebra 1", "Geometry", "Algebra 2", "Pre-Calculus"],
  SCIENCE: ["Earth Science", "Life Science", "Physical Science", "Biology", "Chemistry", "Physics", "Environmental Science"],
  SOCIAL: ["World History: Ancient", "World History: Medieval", "U.S. History 8", "Ethnic Studies", "World History", "U.S. History", "Government and Economics"],
};
