"""Names: people's names from many UK backgrounds, nicknames, and the staff team."""

from __future__ import annotations

# fmt: off
# (weight, women's names, men's names, family names): names from many UK backgrounds.
BACKGROUNDS: tuple[tuple[int, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    (
        34,
        ("Sarah", "Emma", "Claire", "Lisa", "Kelly", "Gemma", "Nicola", "Joanne", "Donna", "Tracey",
         "Michelle", "Stacey", "Leanne", "Chloë", "Zoë", "Jade", "Jodie", "Amy", "Hayley", "Laura",
         "Rachel", "Hannah", "Sophie", "Charlotte", "Beverley", "Sandra", "Pauline", "Maureen",
         "Janet", "Deborah", "Rebecca", "Samantha", "Elizabeth", "Renée", "Kerry", "Toni"),
        ("Darren", "Lee", "Craig", "Wayne", "Gary", "Paul", "Mark", "Dean", "Jason", "Ryan", "Liam",
         "Connor", "Jamie", "Kyle", "Callum", "Stuart", "Kenneth", "Terry", "Keith", "Derek", "Alan",
         "Brian", "Ian", "Michael", "Anthony", "Christopher", "Daniel", "Nicholas", "William",
         "Francis", "Shaun", "Carl", "Steven", "Neil", "Ricky"),
        ("Smith", "Jones", "Taylor", "Brown", "Wilson", "Johnson", "Walker", "Robinson", "Wood",
         "Thompson", "White", "Watson", "Jackson", "Wright", "Green", "Harris", "Cooper", "King",
         "Martin", "Clarke", "James", "Hill", "Moore", "Harrison", "Young", "Morris", "Hall", "Ward",
         "Turner", "Carter", "Mitchell", "Barker", "Shaw", "Holmes", "Fletcher", "Atkinson", "Marsh",
         "Booth", "Kershaw", "Pickering"),
    ),
    (
        7,
        ("Kirsty", "Morag", "Eilidh", "Mhairi", "Fiona", "Isla", "Shona", "Catriona"),
        ("Callum", "Fraser", "Hamish", "Euan", "Ruaridh", "Alasdair", "Graham", "Murray"),
        ("Campbell", "Stewart", "MacDonald", "Fraser", "Murray", "McLeod", "Robertson", "Paterson",
         "Sinclair", "Cameron", "MacKenzie", "Ross"),
    ),
    (
        7,
        ("Siân", "Cerys", "Ffion", "Bethan", "Rhiannon", "Megan", "Catrin", "Nia", "Gwen", "Eleri"),
        ("Rhys", "Dafydd", "Owain", "Iwan", "Gareth", "Dylan", "Geraint", "Huw", "Aled", "Gethin"),
        ("Davies", "Evans", "Williams", "Roberts", "Lewis", "Hughes", "Morgan", "Price", "Rees",
         "Llewellyn", "Pritchard", "Bevan", "Jenkins", "Powell"),
    ),
    (
        8,
        ("Aoife", "Niamh", "Siobhán", "Caoimhe", "Róisín", "Mairéad", "Orla", "Sinéad", "Bríd",
         "Gráinne"),
        ("Ciarán", "Seán", "Pádraig", "Eoin", "Cian", "Declan", "Colm", "Dónal", "Fergal", "Tadhg"),
        ("O'Brien", "O'Neill", "Murphy", "Kelly", "Byrne", "Walsh", "Doherty", "Gallagher", "Quinn",
         "McCarthy", "Ó Súilleabháin", "Brennan", "Keane", "Nolan"),
    ),
    (
        8,
        ("Agnieszka", "Małgorzata", "Katarzyna", "Joanna", "Ewa", "Magdalena", "Zofia", "Marta"),
        ("Łukasz", "Tomasz", "Paweł", "Wojciech", "Krzysztof", "Piotr", "Grzegorz", "Jakub"),
        ("Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński",
         "Szymański", "Woźniak", "Dąbrowski"),
    ),
    (
        10,
        ("Aisha", "Fatima", "Nadia", "Shabana", "Sunita", "Harpreet", "Anjali", "Parveen", "Sana",
         "Rubina", "Jasmin", "Meera"),
        ("Imran", "Tariq", "Mohammed", "Bilal", "Farhan", "Rajesh", "Sanjay", "Gurpreet", "Jaspal",
         "Arjun", "Zubair", "Hamza", "Amrit"),
        ("Patel", "Khan", "Ahmed", "Ali", "Hussain", "Shah", "Sharma", "Chaudhry", "Iqbal", "Rahman",
         "Uddin", "Miah", "Mistry", "Gill", "Sandhu", "Bains"),
    ),
    (
        5,
        ("Shanice", "Tanisha", "Keisha", "Marcia", "Jasmine", "Simone", "Paulette", "Yvonne"),
        ("Delroy", "Marcus", "Tyrone", "Winston", "Leon", "Errol", "Devon", "Jermaine"),
        ("Campbell", "Brown", "Grant", "Reid", "Thomas", "Francis", "Samuels", "Gordon", "Clarke",
         "Henry", "Spencer", "Bailey"),
    ),
    (
        5,
        ("Folake", "Adaeze", "Chiamaka", "Abena", "Ngozi", "Yetunde", "Efua", "Ama"),
        ("Kwame", "Chidi", "Tunde", "Emeka", "Kofi", "Femi", "Obinna", "Yaw"),
        ("Adeyemi", "Mensah", "Boateng", "Osei", "Nwosu", "Okonkwo", "Adebayo", "Asante", "Eze",
         "Oyelaran"),
    ),
    (
        2,
        ("Hodan", "Ayaan", "Amina", "Faduma", "Sahra", "Ifrah"),
        ("Abdi", "Mohamed", "Abdirahman", "Yusuf", "Hassan", "Liban"),
        ("Abdi", "Farah", "Hassan", "Mohamud", "Warsame", "Jama", "Osman", "Hirsi"),
    ),
    (
        3,
        ("Ioana", "Elena", "Andreea", "Rūta", "Ieva", "Gabija"),
        ("Andrei", "Mihai", "Florin", "Jonas", "Mantas", "Tomas"),
        ("Popescu", "Ionescu", "Stan", "Dumitru", "Rusu", "Munteanu"),
    ),
    (
        2,
        ("Zeynep", "Elif", "Ayşe", "Derya"),
        ("Emre", "Mehmet", "Kemal", "Serkan"),
        ("Yılmaz", "Demir", "Kaya", "Şahin", "Aydın", "Çelik"),
    ),
    (
        2,
        ("Mei", "Xiu", "Ling", "Hui"),
        ("Wei", "Jun", "Hao", "Ming"),
        ("Chen", "Wong", "Li", "Zhang", "Lam", "Cheung"),
    ),
    (
        2,
        ("Inês", "Joana", "Mariana", "Beatriz"),
        ("João", "José", "Tiago", "Rui"),
        ("Silva", "Santos", "Pereira", "Ferreira", "Costa", "Gonçalves"),
    ),
)
BACKGROUND_WEIGHTS = tuple(b[0] for b in BACKGROUNDS)
NEUTRAL_NAMES = ("Alex", "Charlie", "Robin", "Jesse", "Ashley", "Kai", "Morgan", "Rowan", "Sky", "Remy")
NICKNAMES = {
    "Deborah": "Debs", "Rebecca": "Becky", "Samantha": "Sam", "Elizabeth": "Liz", "Kenneth": "Kenny",
    "Michael": "Mick", "Anthony": "Tony", "Christopher": "Chris", "Daniel": "Danny",
    "Nicholas": "Nick", "William": "Billy", "Francis": "Frankie", "Tomasz": "Tomek",
    "Katarzyna": "Kasia", "Małgorzata": "Gosia", "Wojciech": "Wojtek", "Mohammed": "Mo",
    "Abdirahman": "Abdi", "Magdalena": "Magda", "Jakub": "Kuba", "Catriona": "Cat",
    "Alasdair": "Ali", "Steven": "Steve", "Richard": "Rick",
}

# The staff team's names, for the key workers, managers and mentors beyond the fixed four.
STAFF_TEAM_NAMES: tuple[tuple[str, str], ...] = (
    ("Helen", "Brooks"), ("Gareth", "Pryce"), ("Aisha", "Rahman"), ("Tom", "Whitfield"),
    ("Niamh", "Gallagher"), ("Dev", "Mistry"), ("Kerry", "Lomas"), ("Joe", "Akinola"),
    ("Ruth", "Kaminska"), ("Lewis", "Armitage"), ("Fiona", "McIntyre"), ("Hannah", "Begg"),
    ("Omar", "Farouk"), ("Beth", "Howarth"), ("Marcus", "Lindo"), ("Carys", "Vaughan"),
)

# The fixed staff every demo has (the administrator, Priya, Sam and Chris).
FIXED_USERNAMES = ("admin", "priya", "sam", "chris")
# fmt: on
